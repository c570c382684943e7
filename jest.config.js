const jestJupyterLab = require('@jupyterlab/testutils/lib/jest-config');

// ES modules among the dependencies that jest has to transform.
const esModules = [
  '@codemirror',
  '@jupyter/ydoc',
  '@jupyter/react-components',
  '@jupyter/web-components',
  '@microsoft',
  '@jupyterlab/',
  'exenv-es6',
  'lib0',
  'nanoid',
  'vscode-ws-jsonrpc',
  'y-protocols',
  'y-websocket',
  'yaml',
  'yjs'
].join('|');

const baseConfig = jestJupyterLab(__dirname);

module.exports = {
  ...baseConfig,
  automock: false,
  // The tests are in src/; the built extension and the Python environments
  // (.venv, .venv-oldest) hold copies of package.json files.
  roots: ['<rootDir>/src'],
  modulePathIgnorePatterns: [
    '<rootDir>/jupyterlab_notebook_metadata/labextension',
    '<rootDir>/.venv',
    '<rootDir>/ui-tests/',
    '<rootDir>/examples/'
  ],
  collectCoverageFrom: [
    'src/**/*.{ts,tsx}',
    '!src/**/*.d.ts',
    '!src/**/.ipynb_checkpoints/*'
  ],
  coverageReporters: ['lcov', 'text'],
  testRegex: 'src/.*/.*.spec.ts[x]?$',
  transformIgnorePatterns: [`/node_modules/(?!${esModules}).+`]
};

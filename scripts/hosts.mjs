/**
 * The two front ends the extension is served in, for `npm start`, the UI
 * tests and the benchmark: a real JupyterLab 4.6 and a real Jupyter
 * Notebook 7.6, each built from npm packages in its own workspace and
 * served by Debian's jupyter-server through a small host app.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export const HOSTS = {
  lab: {
    title: 'JupyterLab',
    workspace: 'ui-tests/lab',
    server: path.join(root, 'ui-tests', 'lab', 'server', 'lab_host.py'),
    app: 'LabHost',
    landing: '/lab'
  },
  notebook: {
    title: 'Jupyter Notebook 7',
    workspace: 'ui-tests/notebook',
    server: path.join(
      root,
      'ui-tests',
      'notebook',
      'server',
      'notebook_host.py'
    ),
    app: 'NotebookHost',
    landing: '/tree'
  }
};

/** The host named `name`, or an error naming the known ones. */
export function host(name) {
  const found = HOSTS[name];
  if (!found) {
    throw new Error(
      `Unknown app "${name}": use one of ${Object.keys(HOSTS).join(', ')}`
    );
  }
  return found;
}

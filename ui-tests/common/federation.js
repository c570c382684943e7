/*
 * What the two test hosts (JupyterLab and Jupyter Notebook 7) build alike:
 * an rspack app whose packages are shared through Module Federation, so
 * that prebuilt extensions load at run time as in a stock install, plus the
 * schemas and themes of its extensions for the server.
 *
 * Each host's rspack.config.js says which extensions it has and writes the
 * module that loads them (`build/generated/core-extensions.js`); the rest
 * is here.
 */
const path = require('path');
const fs = require('fs');
const rspack = require('@rspack/core');
const { merge } = require('webpack-merge');
const { Build } = require('@jupyter/builder');
const baseConfig = require('@jupyter/builder/lib/webpack.config.base');

/** The front-end sources both hosts use, copied beside the generated ones. */
const COMMON_SOURCES = ['bootstrap.js', 'plugins.js'];

function packageData(name) {
  return require(`${name}/package.json`);
}

/**
 * The modules shared with prebuilt extensions, and how: the release's
 * resolutions first, then the extension packages, then what they depend
 * on (and their own `sharedPackages` settings); singletons last.
 */
function sharedModules({ resolutions, extensionPackages, singletonPackages }) {
  const shared = {};
  for (const [name, range] of Object.entries(resolutions)) {
    shared[name] = { requiredVersion: range };
  }
  for (const name of extensionPackages) {
    shared[name] ??= { requiredVersion: packageData(name).version };
  }
  for (const name of extensionPackages) {
    const data = packageData(name);
    for (const [dep, range] of Object.entries(data.dependencies ?? {})) {
      shared[dep] ??= { requiredVersion: range };
    }
    for (const [dep, config] of Object.entries(
      data.jupyterlab?.sharedPackages ?? {}
    )) {
      if (config === false || shared[dep]) {
        continue;
      }
      const { bundled, ...rest } = config;
      shared[dep] = bundled === undefined ? rest : { ...rest, import: bundled };
    }
  }
  for (const name of singletonPackages) {
    if (shared[name]) {
      shared[name] = { ...shared[name], singleton: true };
    }
  }
  return shared;
}

/**
 * A loader entry of a generated module: `{ name, load, plugins }` where
 * `plugins` is `true` (all of the module's plugins) or a list of plugin ids.
 */
function loaderEntry(name, entry = null, plugins = true) {
  const target = entry ? `${name}/${entry}` : name;
  return (
    `{ name: ${JSON.stringify(name)}, ` +
    `load: () => import(${JSON.stringify(target)}), ` +
    `plugins: ${JSON.stringify(plugins)} }`
  );
}

/**
 * Build the rspack configurations of a host.
 *
 * @param options.name - the host's name (`lab`, `notebook`)
 * @param options.here - the host's folder: `src/` (its `index.js` exports
 *   `main(federated)`) and `templates/`
 * @param options.generated - the source of `core-extensions.js`
 * @param options.packageNames - the packages whose schemas, themes and
 *   styles the app needs
 * @param options.shared - the Module Federation `shared` configuration
 * @param options.templates - HTML templates (in `templates/`) to emit
 * @param options.chunkPattern - packages to put in one `core` chunk
 * @returns the app's configuration followed by the theme builds
 */
function hostConfig({
  name,
  here,
  generated,
  packageNames,
  shared,
  templates,
  chunkPattern
}) {
  const buildDir = path.join(here, 'build');
  const generatedDir = path.join(buildDir, 'generated');
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.mkdirSync(generatedDir, { recursive: true });
  // App-wide setting overrides (no news or update checks: no internet here).
  fs.cpSync(path.join(__dirname, 'settings'), path.join(buildDir, 'settings'), {
    recursive: true
  });
  fs.writeFileSync(path.join(generatedDir, 'core-extensions.js'), generated);
  for (const file of COMMON_SOURCES) {
    fs.copyFileSync(
      path.join(__dirname, 'src', file),
      path.join(generatedDir, file)
    );
  }
  fs.cpSync(path.join(here, 'src'), generatedDir, { recursive: true });

  // Copies the schemas to build/schemas, writes the style imports to
  // build/generated/style.js and returns the theme builds.
  const themeBuilds = Build.ensureAssets({
    packageNames,
    output: generatedDir,
    schemaOutput: buildDir,
    themeOutput: buildDir
  });

  const app = merge(baseConfig, {
    name,
    mode: 'development',
    devtool: false,
    entry: { main: path.join(generatedDir, 'bootstrap.js') },
    output: {
      path: path.join(buildDir, 'static'),
      publicPath: '{{page_config.fullStaticUrl}}/',
      filename: '[name].[contenthash].js',
      chunkFilename: '[name].[contenthash].js'
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: { core: { test: chunkPattern, name: `${name}_core` } }
      }
    },
    externals: ['ws'],
    plugins: [
      ...templates.map(
        template =>
          new rspack.HtmlRspackPlugin({
            template: path.join(here, 'templates', template),
            filename: template,
            inject: 'body'
          })
      ),
      new rspack.container.ModuleFederationPlugin({
        library: {
          type: 'var',
          name: ['_JUPYTERLAB', 'CORE_LIBRARY_FEDERATION']
        },
        name: 'CORE_FEDERATION',
        shared
      })
    ]
  });
  return [app, ...themeBuilds];
}

module.exports = { hostConfig, loaderEntry, packageData, sharedModules };

/*
 * Entry point of a test host (JupyterLab or Notebook 7). It runs before any
 * shared module is used: it loads every prebuilt (federated) extension the
 * server lists, lets each one join the shared-module scope, and only then
 * imports the application, so that one copy of every singleton (Lumino,
 * React, JupyterLab's own packages) is picked for the host and all
 * extensions together.
 */

function pageOption(name) {
  const element = document.getElementById('jupyter-config-data');
  const config = element ? JSON.parse(element.textContent || '{}') : {};
  return config[name] || '';
}

// Chunks are served from the server's static URL, known only at run time.
// eslint-disable-next-line no-undef
__webpack_public_path__ = pageOption('fullStaticUrl') + '/';

function loadScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.onerror = () => reject(new Error(`Could not load ${url}`));
    script.onload = resolve;
    script.async = true;
    script.src = url;
    document.head.appendChild(script);
  });
}

async function joinSharedScope(extension) {
  await loadScript(
    `${pageOption('fullLabextensionsUrl')}/${extension.name}/${extension.load}`
  );
  // eslint-disable-next-line no-undef
  await __webpack_init_sharing__('default');
  const container = window._JUPYTERLAB[extension.name];
  // eslint-disable-next-line no-undef
  await container.init(__webpack_share_scopes__.default);
  return extension;
}

async function bootstrap() {
  const listed = pageOption('federated_extensions') || [];
  const results = await Promise.allSettled(listed.map(joinSharedScope));
  const federated = [];
  for (const result of results) {
    if (result.status === 'rejected') {
      console.error(result.reason);
    } else {
      federated.push(result.value);
    }
  }
  const { main } = await import('./index.js');
  await main(federated);
}

void bootstrap();

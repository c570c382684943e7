/*
 * The plugins of a test host: those of its own (bundled) extensions and
 * those of every prebuilt extension loaded at run time, minus the disabled
 * ones, as stock JupyterLab and Notebook 7 gather them.
 */
import { PageConfig } from '@jupyterlab/coreutils';

/** The exported plugins of a module: its default export, or the module. */
function pluginsOf(module) {
  const exported = Object.prototype.hasOwnProperty.call(module, '__esModule')
    ? module.default
    : module;
  return Array.isArray(exported) ? exported : [exported];
}

async function federatedModule(scope, name) {
  const factory = await window._JUPYTERLAB[scope].get(name);
  return factory();
}

/**
 * Gather the plugins of the bundled extensions (`{ name, load, plugins }`
 * entries, `plugins` being `true` or the ids to keep) and of the federated
 * extensions.
 *
 * A federated extension replaces a bundled extension of the same name.
 */
export async function gatherPlugins({ core, mime, federated }) {
  const result = {
    plugins: [],
    mimeExtensions: [],
    disabled: [],
    deferred: [],
    ignorePlugins: [],
    availablePlugins: []
  };

  /** Keep the enabled plugins of a module, recording every one of them. */
  function collect(module, extensionName, into, keep = true) {
    for (const plugin of pluginsOf(module)) {
      if (keep !== true && !keep.includes(plugin.id)) {
        continue;
      }
      const isDisabled = PageConfig.Extension.isDisabled(plugin.id);
      result.availablePlugins.push({
        id: plugin.id,
        description: plugin.description,
        requires: plugin.requires ?? [],
        optional: plugin.optional ?? [],
        provides: plugin.provides ?? null,
        autoStart: plugin.autoStart,
        enabled: !isDisabled,
        extension: extensionName
      });
      if (isDisabled) {
        result.disabled.push(plugin.id);
        continue;
      }
      if (PageConfig.Extension.isDeferred(plugin.id)) {
        result.deferred.push(plugin.id);
        result.ignorePlugins.push(plugin.id);
      }
      into.push(plugin);
    }
  }

  const federatedNames = new Set(federated.map(extension => extension.name));
  async function addBundled(entries, into) {
    for (const { name, load, plugins } of entries) {
      if (federatedNames.has(name)) {
        continue;
      }
      try {
        collect(await load(), name, into, plugins);
      } catch (reason) {
        console.error(`Could not load the plugins of ${name}:`, reason);
      }
    }
  }
  await addBundled(mime, result.mimeExtensions);
  await addBundled(core, result.plugins);

  const pending = [];
  for (const extension of federated) {
    if (extension.mimeExtension) {
      pending.push(
        federatedModule(extension.name, extension.mimeExtension).then(module =>
          collect(module, extension.name, result.mimeExtensions)
        )
      );
    }
    if (extension.extension) {
      pending.push(
        federatedModule(extension.name, extension.extension).then(module =>
          collect(module, extension.name, result.plugins)
        )
      );
    }
    if (extension.style && !PageConfig.Extension.isDisabled(extension.name)) {
      pending.push(federatedModule(extension.name, extension.style));
    }
  }
  for (const settled of await Promise.allSettled(pending)) {
    if (settled.status === 'rejected') {
      console.error(settled.reason);
    }
  }
  return result;
}

/** Whether the page config asks for the app at `window.jupyterapp`. */
export function exposeAppInBrowser() {
  return (
    String(PageConfig.getOption('exposeAppInBrowser')).toLowerCase() === 'true'
  );
}

import type { ISettingRegistry } from '@jupyterlab/settingregistry';
import type { IFormRendererRegistry } from '@jupyterlab/ui-components';
import type { IDisposable } from '@lumino/disposable';

import {
  type IMetadataFormsSource,
  sectionsFromMetadataForms
} from './metadataforms';
import type { SectionRegistry } from './registry';
import { sectionsFromSettings } from './settings';

/**
 * Keep the registry's settings sections and hidden sections in step with
 * the plugin's settings: a section added in the Settings Editor appears, a
 * section removed there goes (its metadata stays).
 */
export async function followSettings(
  settingRegistry: ISettingRegistry,
  pluginId: string,
  sections: SectionRegistry
): Promise<void> {
  let added: IDisposable[] = [];
  const apply = (settings: ISettingRegistry.ISettings) => {
    const declared = sectionsFromSettings(settings.composite);
    for (const handle of added) {
      handle.dispose();
    }
    added = declared.sections.map(section => sections.add(section, 'settings'));
    sections.setHidden(declared.hidden);
  };
  try {
    const settings = await settingRegistry.load(pluginId);
    apply(settings);
    settings.changed.connect(apply);
  } catch (reason) {
    console.warn(`${pluginId}: the settings could not be loaded.`, reason);
  }
}

/**
 * Keep the registry's sections from JupyterLab's metadata forms in step with
 * the settings schemas the setting registry holds; fields with a custom
 * renderer are drawn by `renderers`' (JupyterLab's form renderer registry).
 */
export function followMetadataForms(
  settingRegistry: ISettingRegistry,
  sections: SectionRegistry,
  renderers: IFormRendererRegistry | null = null
): void {
  let added: IDisposable[] = [];
  let last = '';
  const apply = () => {
    const sources: IMetadataFormsSource[] = Object.entries(
      settingRegistry.plugins
    )
      .filter(([, plugin]) => plugin?.schema['jupyter.lab.metadataforms'])
      .map(([id, plugin]) => ({
        plugin: id,
        forms: plugin!.schema['jupyter.lab.metadataforms']
      }));
    const key = JSON.stringify(sources);
    if (key === last) {
      return;
    }
    last = key;
    for (const handle of added) {
      handle.dispose();
    }
    added = sectionsFromMetadataForms(sources, id =>
      renderers?.getRenderer(id)
    ).map(section => sections.add(section, 'metadataforms'));
  };
  apply();
  settingRegistry.pluginChanged.connect(apply);
}

/**
 * Sections declared in the panel's settings (`sharedSections`, `sections`,
 * `hiddenSections` of `schema/plugin.json`). No JupyterLab imports.
 */
import type { IMetadataSection } from '../tokens';
import { isObject } from '../json';

/** What the settings declare. */
export interface ISettingsSections {
  /** The sections, as declared (the registry checks them). */
  sections: IMetadataSection[];
  /** The ids of the sections to hide, built-in ones included. */
  hidden: string[];
}

/**
 * The sections and hidden ids of the settings' composite value: the
 * sections for everyone (`sharedSections`, an admin's overrides.json) and
 * then the user's own (`sections`). Nothing is dropped: a section that is
 * not well formed is passed on as it is, so the registry lists it with what
 * is wrong with it.
 */
export function sectionsFromSettings(composite: unknown): ISettingsSections {
  const settings = isObject(composite) ? composite : {};
  const list = (name: string) =>
    Array.isArray(settings[name])
      ? (settings[name] as unknown[]).map((raw, index): [unknown, string] => [
          raw,
          `${name}[${index}]`
        ])
      : [];
  const declared = [...list('sharedSections'), ...list('sections')];
  const sections = declared.map(([raw, where]): IMetadataSection => {
    const item = isObject(raw) ? raw : {};
    const id = typeof item.id === 'string' ? item.id : '';
    const label = typeof item.label === 'string' ? item.label : '';
    return {
      id,
      // A nameless section is still listed, by where it is in the settings.
      label: label || id || where,
      rank: item.rank as number | undefined,
      description:
        typeof item.description === 'string' ? item.description : undefined,
      schema: item.schema as IMetadataSection.ISchema,
      uiSchema: item.uiSchema as IMetadataSection['uiSchema']
    };
  });
  const hidden = Array.isArray(settings.hiddenSections)
    ? settings.hiddenSections.filter(
        (id): id is string => typeof id === 'string'
      )
    : [];
  return { sections, hidden };
}

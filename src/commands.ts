import type { TranslationBundle } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';

import { metadataIcon } from './icon';
import { formatsText, PRESETS, withFormats } from './jupytext';
import type { ActiveNotebookMetadata } from './tracker';

/**
 * The command ids of the extension.
 */
export namespace CommandIDs {
  /** Open the metadata panel and focus its first field. */
  export const open = 'notebook-metadata:open';
  /** Close the metadata panel and go back to the notebook. */
  export const close = 'notebook-metadata:close';
  /** Undo the last change of the shown notebook, metadata edits included. */
  export const undo = 'notebook-metadata:undo';
  /** Redo the last undone change of the shown notebook. */
  export const redo = 'notebook-metadata:redo';
  /** Pair the active notebook with a percent script. */
  export const pairPercent = 'notebook-metadata:jupytext-pair-percent';
  /** Pair the active notebook with a light script. */
  export const pairLight = 'notebook-metadata:jupytext-pair-light';
  /** Pair the active notebook with a Markdown file. */
  export const pairMarkdown = 'notebook-metadata:jupytext-pair-markdown';
  /** Pair the active notebook with a MyST Markdown file. */
  export const pairMyst = 'notebook-metadata:jupytext-pair-myst';
  /** Remove the active notebook's pairing. */
  export const unpair = 'notebook-metadata:jupytext-unpair';
  /** Report the metadata of a folder's notebooks (or of those picked). */
  export const folderReport = 'notebook-metadata:folder-report';
}

/** The pairings the palette offers, by command. */
const PAIRINGS: Array<{ id: string; preset: string; label: string }> = [
  {
    id: CommandIDs.pairPercent,
    preset: 'py-percent',
    label: 'Pair Notebook with Percent Script'
  },
  {
    id: CommandIDs.pairLight,
    preset: 'py-light',
    label: 'Pair Notebook with Light Script'
  },
  {
    id: CommandIDs.pairMarkdown,
    preset: 'md',
    label: 'Pair Notebook with Markdown'
  },
  {
    id: CommandIDs.pairMyst,
    preset: 'myst',
    label: 'Pair Notebook with MyST Markdown'
  }
];

/**
 * Add the Jupytext pairing commands. They write through the active
 * notebook's metadata model, exactly as the panel's Jupytext section does,
 * and show the current pairing as toggled. Returns their ids.
 */
export function addJupytextCommands(
  commands: CommandRegistry,
  active: ActiveNotebookMetadata,
  trans: TranslationBundle
): string[] {
  const editable = () => !!active.current && !active.current.readOnly;
  const pairing = () =>
    active.current ? formatsText(active.current.metadata.jupytext) : null;
  for (const { id, preset, label } of PAIRINGS) {
    const formats = PRESETS.find(p => p.id === preset)!.formats;
    commands.addCommand(id, {
      label: trans.__(label),
      caption: trans.__('Jupytext formats: %1', formats),
      isEnabled: editable,
      isToggled: () => pairing() === formats,
      execute: () => {
        const model = active.current;
        if (model) {
          model.update({
            jupytext: withFormats(model.metadata.jupytext, formats)
          });
        }
      }
    });
  }
  commands.addCommand(CommandIDs.unpair, {
    label: trans.__('Unpair Notebook'),
    caption: trans.__('Remove the Jupytext pairing'),
    isEnabled: () => editable() && !!pairing(),
    execute: () => {
      const model = active.current;
      if (model) {
        model.update({ jupytext: withFormats(model.metadata.jupytext, null) });
      }
    }
  });
  // Toggled states follow the active notebook and its pairing (only: every
  // refresh redraws an open command palette, which resets its selection).
  const refresh = () => commands.notifyCommandChanged();
  const onChanged = (_: unknown, change: { type: string; key?: string }) => {
    if (
      (change.type === 'metadata' && change.key === 'jupytext') ||
      change.type === 'readOnly' ||
      change.type === 'file'
    ) {
      refresh();
    }
  };
  let following: ActiveNotebookMetadata['current'] = null;
  active.currentChanged.connect((_, model) => {
    following?.changed.disconnect(onChanged);
    following = model;
    following?.changed.connect(onChanged);
    refresh();
  });
  return [...PAIRINGS.map(p => p.id), CommandIDs.unpair];
}

/**
 * Add the panel's commands: open it (its first field focused), close it,
 * and undo and redo the shown notebook's history. Their keys are bound in
 * `schema/plugin.json` (undo and redo on the panel, outside text fields,
 * which keep their own undo of what is typed).
 */
export function addPanelCommands(
  commands: CommandRegistry,
  options: IPanelCommandsOptions
): void {
  const { active, trans } = options;
  commands.addCommand(CommandIDs.open, {
    label: options.openLabel,
    caption: trans.__(
      'Open the notebook metadata panel; from inside it, go back to the notebook'
    ),
    icon: args => (args.isPalette ? undefined : metadataIcon),
    execute: options.open
  });
  commands.addCommand(CommandIDs.close, {
    label: trans.__('Close the Notebook Metadata Panel'),
    caption: trans.__('Close the panel and go back to the notebook'),
    execute: options.leave
  });
  const history = () => {
    const model = active.current;
    return model && !model.readOnly ? model.history : null;
  };
  commands.addCommand(CommandIDs.undo, {
    label: trans.__('Undo'),
    caption: trans.__('Undo the last change of the notebook'),
    isEnabled: () => !!history(),
    execute: () => {
      const found = history();
      if (found?.canUndo) {
        found.undo();
      }
    }
  });
  commands.addCommand(CommandIDs.redo, {
    label: trans.__('Redo'),
    caption: trans.__('Redo the last undone change of the notebook'),
    isEnabled: () => !!history(),
    execute: () => {
      const found = history();
      if (found?.canRedo) {
        found.redo();
      }
    }
  });
}

/** What the panel's commands need. */
export interface IPanelCommandsOptions {
  /** Follows the active notebook. */
  active: ActiveNotebookMetadata;
  /** The panel's translations. */
  trans: TranslationBundle;
  /** The open command's label. */
  openLabel: () => string;
  /** Show the panel and focus its first field. */
  open: () => Promise<void>;
  /** Close the panel and give the focus back to the notebook. */
  leave: () => void;
}

/**
 * A command's caption with its first key binding in the platform's key
 * names, as core's command toolbar buttons show it: "Undo… (Ctrl+Z)".
 */
export function captionWithKeys(commands: CommandRegistry, id: string): string {
  const caption = commands.caption(id);
  const binding = commands.keyBindings.find(b => b.command === id);
  if (!binding) {
    return caption;
  }
  const keys = binding.keys.map(CommandRegistry.formatKeystroke).join(', ');
  return `${caption} (${keys})`;
}

/**
 * The public interfaces of jupyterlab-notebook-metadata: the section
 * registry other extensions add sections to, what a section is, and what its
 * custom widgets and fields may use. Nothing else lives here.
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import {
  type PartialJSONObject,
  type PartialJSONValue,
  Token
} from '@lumino/coreutils';
import type { IDisposable } from '@lumino/disposable';
import type { ISignal } from '@lumino/signaling';
import type {
  RegistryFieldsType,
  RegistryWidgetsType,
  RJSFSchema,
  UiSchema
} from '@rjsf/utils';

/**
 * A section of the notebook metadata panel: a JSON-schema form over some of
 * the notebook's metadata.
 *
 * Each property of `schema.properties` is one field. Its name says where the
 * field lives: a plain name is a top-level key (`kernelspec`), a name
 * starting with `/` is a JSON pointer to a nested value
 * (`/toc/base_numbering`; `~1` stands for `/` and `~0` for `~`). Writing a
 * nested field changes only that value: its siblings are kept.
 *
 * Nothing is written while a notebook is only viewed: a stored value the
 * schema rejects is shown as it is, flagged, and kept until the user
 * changes that field; a change is written only once it is valid.
 */
export interface IMetadataSection {
  /** A unique id, e.g. `my-extension:grading`. */
  readonly id: string;
  /** The section's heading. */
  readonly label: string;
  /** Sections are shown by increasing rank (default 100). */
  readonly rank?: number;
  /** A sentence under the heading, if any. */
  readonly description?: string;
  /** The JSON schema of the section's fields. */
  readonly schema: IMetadataSection.ISchema;
  /** How rjsf draws the fields, by field name. */
  readonly uiSchema?: UiSchema;
  /** Custom rjsf widgets the uiSchema names (`ui:widget`). */
  readonly widgets?: RegistryWidgetsType;
  /** Custom rjsf fields the uiSchema names (`ui:field`). */
  readonly fields?: RegistryFieldsType;
  /** Options of single fields, by field name. */
  readonly fieldOptions?: {
    readonly [field: string]: IMetadataSection.IFieldOptions;
  };
  /**
   * Checks beyond the schema, given the section's values by field name.
   * Problems of fields that a write does not change are ignored.
   */
  readonly validate?: (values: PartialJSONObject) => IMetadataProblem[];
  /** Notes shown at the end of the section, e.g. fields it cannot show. */
  readonly notes?: ReadonlyArray<string>;
  /**
   * A one-line summary of the section's values, shown after its heading
   * (the kernel's name, the pairing), given its values by field name and
   * the panel's translations (and the notebook, for what its values do not
   * say). Without it, the heading says how many of its fields are set.
   */
  readonly summary?: (
    values: PartialJSONObject,
    trans: TranslationBundle,
    notebook: INotebookMetadata
  ) => string;
}

/**
 * The section's types.
 */
export namespace IMetadataSection {
  /** The schema of a section: an object whose properties are its fields. */
  export interface ISchema extends RJSFSchema {
    /** The fields, by name (a top-level key or a JSON pointer). */
    properties: { [field: string]: RJSFSchema };
  }

  /** Options of one field. */
  export interface IFieldOptions {
    /**
     * Whether a value equal to the field's default is written (default
     * true). When false, choosing the default removes the value instead, as
     * in JupyterLab's own metadata forms.
     */
    readonly writeDefault?: boolean;
  }
}

/**
 * A message for the user, not yet translated: its text, with `%1`, `%2`…
 * standing for the values of `args`, in order (translated as
 * `trans.__(message, ...args)`).
 */
export interface IMessage {
  /** The untranslated text, e.g. `'A key named "%1" already exists.'`. */
  readonly message: string;
  /** The values shown in place of `%1`, `%2`…; none when it has no `%1`. */
  readonly args?: ReadonlyArray<string>;
}

/**
 * A problem with a value, and where it is.
 */
export interface IMetadataProblem extends IMessage {
  /** The JSON pointer of the value in the metadata, e.g. `/authors/0/name`. */
  readonly path: string;
}

/**
 * The metadata of one open notebook, as sections see it: read it, and
 * write it through here only.
 */
export interface INotebookMetadata {
  /** The notebook's path on the server. */
  readonly path: string;
  /** The whole metadata; a new object after each change. Never mutate it. */
  readonly metadata: Readonly<PartialJSONObject>;
  /** Whether the notebook cannot be edited. */
  readonly readOnly: boolean;
  /** Emitted after the metadata, path or read-only state changes. */
  readonly changed: ISignal<INotebookMetadata, unknown>;
  /** The value of a field (a top-level key or a JSON pointer). */
  getField(field: string): PartialJSONValue | undefined;
  /**
   * Set a field (`undefined` removes it), keeping every other value.
   * Writes only valid values, as one undo step (consecutive writes with the
   * same `edit` merge into one).
   *
   * @returns the problems that kept the write out, or an empty list.
   */
  setField(
    field: string,
    value: PartialJSONValue | undefined,
    options?: INotebookMetadata.ISetOptions
  ): IMetadataProblem[];
  /** End the current edit: the next write is a new undo step. */
  endEdit(): void;
}

/**
 * The notebook metadata's types.
 */
export namespace INotebookMetadata {
  /** Options of a write. */
  export interface ISetOptions {
    /** Writes with the same edit id, one after another, are one undo step. */
    edit?: string;
    /** Remove objects along the path that a removal leaves empty. */
    prune?: boolean;
  }
}

/**
 * The kernel of an open notebook's session (what runs, not what the
 * metadata records).
 */
export interface INotebookKernel {
  /** The name of the kernel running for the notebook, if one is. */
  readonly running: string | null;
  /** Emitted when another kernel, or none, runs. */
  readonly changed: ISignal<INotebookKernel, void>;
  /** Start another kernel for the notebook. */
  change(name: string): Promise<void>;
}

/**
 * What the widgets and fields of a section's form get as rjsf's
 * `formContext`.
 */
export interface ISectionFormContext {
  /** The metadata of the notebook shown. */
  readonly notebook: INotebookMetadata;
  /** The kernel of the notebook's session. */
  readonly kernel: INotebookKernel;
  /** The section. */
  readonly section: IMetadataSection;
  /** Whether the form is disabled (read-only notebook). */
  readonly disabled: boolean;
  /** The panel's translations. */
  readonly trans: TranslationBundle;
  /**
   * The defaults of the section's fields, by name: what JupyterLab's own
   * metadata-form renderers read from their form context.
   */
  readonly defaultFormData: PartialJSONObject;
  /**
   * Write fields by name (`undefined` removes one), checked as every write
   * is: what JupyterLab's metadata-form renderers call.
   */
  updateMetadata(fields: PartialJSONObject, reload?: boolean): void;
}

/**
 * The sections of the notebook metadata panel.
 */
export interface INotebookMetadataSections {
  /** Emitted when sections are added, removed, hidden or shown. */
  readonly changed: ISignal<INotebookMetadataSections, void>;
  /** The sections shown, in order. */
  readonly sections: ReadonlyArray<IMetadataSection>;
  /**
   * Add a section. A section that cannot be shown (its id is taken, its
   * schema is invalid, or a field overlaps a field of another section) is
   * listed in the panel with the reason, and the others keep working.
   *
   * @returns a handle that removes the section (never any metadata).
   */
  add(section: IMetadataSection): IDisposable;
}

/**
 * The section registry of the notebook metadata panel.
 */
export const INotebookMetadataSections = new Token<INotebookMetadataSections>(
  'jupyterlab-notebook-metadata:INotebookMetadataSections',
  'The sections of the notebook metadata panel: add your own JSON-schema form over notebook metadata.'
);

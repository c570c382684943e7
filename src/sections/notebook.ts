import notebookSchema from '../schemas/notebook.json';
import type { IMetadataSection } from '../tokens';

/**
 * The built-in Notebook section: nbformat's `title` and `authors`, a form
 * drawn from its schema alone.
 */
export function createNotebookSection(): IMetadataSection {
  return {
    id: 'notebook',
    label: 'Notebook',
    rank: 20,
    schema: notebookSchema as IMetadataSection.ISchema
  };
}

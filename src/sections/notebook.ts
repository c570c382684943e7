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
    schema: notebookSchema as IMetadataSection.ISchema,
    summary: (values, trans) => {
      const authors = Array.isArray(values.authors) ? values.authors.length : 0;
      const parts = [
        typeof values.title === 'string' && values.title
          ? values.title
          : trans.__('no title'),
        authors > 0 ? trans.__('%1 authors', authors) : ''
      ];
      return parts.filter(Boolean).join(' · ');
    }
  };
}

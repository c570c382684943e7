/**
 * Whether files exist on the server, found by listing their folders from the
 * root down: a file that is not there costs no failed request (a 404 the
 * browser would log). No JupyterLab imports.
 */

/** What is known of a file: there, not there, or unknown (a listing failed). */
export type FileState = 'exists' | 'missing' | 'unknown';

/** What the check uses of JupyterLab's contents manager. */
export interface IFolderLister {
  get(
    path: string,
    options: { content: true; type: 'directory' }
  ): Promise<{ content: unknown }>;
  /**
   * Emitted when a file is saved, made, renamed or deleted through it (a
   * save can write other files too: Jupytext's paired files).
   */
  readonly fileChanged?: {
    connect(slot: (sender: unknown, change: IFileChange) => void): boolean;
    disconnect(slot: (sender: unknown, change: IFileChange) => void): boolean;
  };
}

/** What the check reads of a change of the contents manager. */
export interface IFileChange {
  oldValue?: { path?: string } | null;
  newValue?: { path?: string } | null;
}

/** The state of each file of `paths`, listing each folder once. */
export async function fileStates(
  contents: IFolderLister,
  paths: string[]
): Promise<Record<string, FileState>> {
  const listings = new Map<string, Promise<Set<string> | null>>();
  const list = (dir: string): Promise<Set<string> | null> => {
    let listing = listings.get(dir);
    if (!listing) {
      listing = contents.get(dir, { content: true, type: 'directory' }).then(
        model =>
          new Set(
            (Array.isArray(model.content) ? model.content : []).map(
              (entry: { name: string }) => entry.name
            )
          ),
        () => null
      );
      listings.set(dir, listing);
    }
    return listing;
  };
  const stateOf = async (path: string): Promise<FileState> => {
    let dir = '';
    for (const part of path.split('/').filter(p => p !== '')) {
      const names = await list(dir);
      if (!names) {
        return 'unknown';
      }
      if (!names.has(part)) {
        return 'missing';
      }
      dir = dir ? `${dir}/${part}` : part;
    }
    return 'exists';
  };
  const entries = await Promise.all(
    paths.map(async path => [path, await stateOf(path)] as const)
  );
  return Object.fromEntries(entries);
}

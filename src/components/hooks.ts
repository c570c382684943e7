import type { ISignal } from '@lumino/signaling';

import {
  type FileState,
  fileStates,
  type IFileChange,
  type IFolderLister
} from '../files';
import {
  useCallback,
  useEffect,
  useReducer,
  useState,
  useSyncExternalStore
} from 'react';

/**
 * Re-render the component when a signal emits (and `filter`, if given,
 * accepts the emission); disconnects when the component unmounts.
 */
export function useSignal<T, U>(
  signal: ISignal<T, U>,
  filter?: (sender: T, args: U) => boolean
): void {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    const onEmit = (sender: T, args: U) => {
      if (!filter || filter(sender, args)) {
        rerender();
      }
    };
    signal.connect(onEmit);
    return () => {
      signal.disconnect(onEmit);
    };
  }, [signal]);
}

/**
 * State that belongs to one owner (e.g. the notebook shown): it starts
 * again from `initial` when the owner changes, so that a view kept mounted
 * across notebooks never shows one notebook's draft in another.
 */
export function useOwnedState<T>(
  owner: unknown,
  initial: T
): [T, (value: T) => void] {
  const [state, setState] = useState<{ owner: unknown; value: T }>({
    owner,
    value: initial
  });
  const value = state.owner === owner ? state.value : initial;
  const set = useCallback(
    (next: T) => setState({ owner, value: next }),
    [owner]
  );
  return [value, set];
}

/**
 * A value read from an object that tells its changes by a signal, as React's
 * external store: no change made between the first render and the
 * subscription is missed (`useSignal` would miss it). `read` must return an
 * equal primitive while nothing changed.
 */
export function useSignalValue<T, S>(
  signal: ISignal<S, any>,
  read: () => T
): T {
  const subscribe = useCallback(
    (onStoreChange: () => void) => {
      const listener = () => onStoreChange();
      signal.connect(listener);
      return () => {
        signal.disconnect(listener);
      };
    },
    [signal]
  );
  return useSyncExternalStore(subscribe, read);
}

/**
 * What is known of each file of `paths` (nothing until the check answers,
 * which it does again when the paths change); no check without `contents`.
 */
export function useFileStates(
  contents: IFolderLister | null,
  paths: string[]
): Record<string, FileState> {
  const key = paths.join('\n');
  const [states, setStates] = useOwnedState<Record<string, FileState>>(key, {});
  // Looked for again after a save of the notebook (with Jupytext, it
  // writes the paired files too) or another change to one of the files.
  const looked = useFileChanges(contents, paths);
  useEffect(() => {
    if (!contents || paths.length === 0) {
      return;
    }
    let current = true;
    void fileStates(contents, paths).then(found => {
      if (current) {
        setStates(found);
      }
    });
    return () => {
      current = false;
    };
  }, [key, contents, looked]);
  return states;
}

/**
 * A count that goes up each time one of `paths` is saved, made, renamed or
 * deleted through the contents manager: what shows those files looks again.
 */
export function useFileChanges(
  contents: IFolderLister | null,
  paths: string[]
): number {
  const key = paths.join('\n');
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const changed = contents?.fileChanged;
    if (!changed) {
      return;
    }
    const watched = new Set(key.split('\n'));
    const onChange = (_: unknown, change: IFileChange) => {
      const touched = [change.oldValue?.path, change.newValue?.path];
      if (touched.some(path => path !== undefined && watched.has(path))) {
        setChanges(count => count + 1);
      }
    };
    changed.connect(onChange);
    return () => {
      changed.disconnect(onChange);
    };
  }, [key, contents]);
  return changes;
}

import type { ISignal } from '@lumino/signaling';
import { useEffect, useReducer } from 'react';

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

/** The controller handed down to every component, and a hook to read its state. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { PaneController } from '../state/pane-controller.js';
import type { PaneState } from '../state/pane-state.js';
import type { Translate } from '../i18n/messages.js';

export const PaneContext = createContext<PaneController | null>(null);

export function usePane(): PaneController {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error('PaneContext missing');
  return pane;
}

/** A slice of the state; `select` must return a value from the state, not a new object. */
export function usePaneState<T>(select: (s: PaneState) => T): T {
  const { store } = usePane();
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

export function useT(): Translate {
  return usePane().t;
}

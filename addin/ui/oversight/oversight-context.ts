/** The oversight controller handed down to the 計画・取りまとめ components, and a hook to read its state. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { OversightController } from '../../oversight/controller.js';
import type { OversightState } from '../../oversight/state.js';

export const OversightContext = createContext<OversightController | null>(null);

export function useOversight(): OversightController {
  const ov = useContext(OversightContext);
  if (!ov) throw new Error('OversightContext missing');
  return ov;
}

/** A slice of the state; `select` must return a value from the state, not a new object. */
export function useOv<T>(select: (s: OversightState) => T): T {
  const { store } = useOversight();
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

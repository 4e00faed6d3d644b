/**
 * Long loops on the request path give the event loop back every few milliseconds, so that one
 * large report never holds up the service's other requests (or its health check).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long a loop may run before it yields. */
const SLICE_MS = 8;

export class Yielder {
  private last = performance.now();

  /** Yields when the current slice is used up; cheap to call on every item. */
  async maybe(): Promise<void> {
    if (performance.now() - this.last < SLICE_MS) return;
    await nextTurn();
    this.last = performance.now();
  }
}

/** `items.map(fn)`, yielding between slices. */
export async function mapYielding<T, R>(items: readonly T[], fn: (item: T, index: number) => R): Promise<R[]> {
  const y = new Yielder();
  const out = new Array<R>(items.length);
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i]!, i);
    if ((i & 63) === 63) await y.maybe();
  }
  return out;
}

/**
 * Large JSON answers written in slices: `JSON.stringify` of 50,000 claims at once holds the event
 * loop for a noticeable time (and Express's `res.json` then hashes the body for an ETag). Here the
 * top-level arrays are written a slice at a time, yielding between slices and waiting for the
 * socket when it is full. The text is what `JSON.stringify(value)` gives.
 */
import type { Response } from 'express';
import { Yielder } from './yield.js';

const SLICE = 500;

/** An array whose elements are already JSON text (serialised as they were made, then let go). */
export class JsonParts {
  constructor(readonly parts: readonly string[]) {}
}

function write(res: Response, text: string): Promise<void> {
  if (res.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Sends `value` (a plain object) as JSON; its array properties are serialised in slices. */
export async function sendJsonInSlices(res: Response, value: Record<string, unknown>): Promise<void> {
  res.status(res.statusCode || 200);
  res.set('Content-Type', 'application/json; charset=utf-8');
  const y = new Yielder();
  let first = true;
  await write(res, '{');
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    let text = `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (v instanceof JsonParts) {
      await write(res, `${text}[`);
      for (let i = 0; i < v.parts.length; i += SLICE) {
        await write(res, (i === 0 ? '' : ',') + v.parts.slice(i, i + SLICE).join(','));
        if (res.destroyed) return;
        await y.maybe();
      }
      await write(res, ']');
      continue;
    }
    if (!Array.isArray(v) || v.length <= SLICE) {
      await write(res, text + JSON.stringify(v));
      continue;
    }
    text += '[';
    for (let i = 0; i < v.length; i += SLICE) {
      const part = JSON.stringify(v.slice(i, i + SLICE));
      text += (i === 0 ? '' : ',') + part.slice(1, -1);
      await write(res, text);
      text = '';
      if (res.destroyed) return;
      await y.maybe();
    }
    await write(res, ']');
  }
  res.end('}');
}

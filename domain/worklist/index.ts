/** The worklist (催告・対応リスト): who to contact next, and why (`docs/spec/domain/worklist.md`). */
export * from './actions.js';
export * from './build.js';
export * from './contacts.js';
export * from './counts.js';
export * from './table.js';
export type * from './types.js';
export * from './sheet.js';

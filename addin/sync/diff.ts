/** Moved to the domain: `saiken submit` sends with the same diff. */
export * from '../../domain/sync/diff.js';

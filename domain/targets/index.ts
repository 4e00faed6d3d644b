/** Bureau targets (局別の未収金目標値): plan sums, exact rounding and the printed table. */
export * from './rounding.js';
export * from './table.js';

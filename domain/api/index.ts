/** The service's HTTP contract: every route's request and answer (routes.ts), by area, and the error codes. */
export * from './errors.js';
export * from './common.js';
export * from './routes.js';
export * as admin from './admin.js';
export * as cases from './hard-cases.js';
export * as history from './history.js';
export * as lateCharges from './late-charges.js';
export * as ledgers from './ledgers.js';
export * as me from './me.js';
export * as oversight from './oversight.js';
export * as plans from './plans.js';
export * as proposals from './proposals.js';
export * as reports from './reports.js';
export * as reviews from './reviews.js';

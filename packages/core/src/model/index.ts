// The domain model: records, ids, events and errors.
export type * from './actor.js';
export type * from './entities.js';
export * from './errors.js';
export type * from './events.js';
export type * from './ids.js';

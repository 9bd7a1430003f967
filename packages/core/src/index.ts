// Fellwatch core: the domain, its rules and its actions, with no IO. Adapters reach it through ports.

export * from './actions/index.js';
export * from './alerts/index.js';
export * from './location/index.js';
export * from './model/index.js';
export * from './policies/index.js';
export type * from './ports/index.js';
export * from './risk/index.js';
export * from './text/index.js';

// The wire protocol of Fellwatch: one set of schemas for the server, the web client, the CLI and OpenAPI.
export * from './alerts.js';
export * from './auth.js';
export * from './common.js';
export * from './escalations.js';
export * from './groups.js';
export * from './instance.js';
export * from './messages.js';
export * from './profiles.js';
export * from './push.js';
export * from './safety.js';
export * from './sightings.js';
export * from './stream.js';

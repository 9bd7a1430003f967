// Actions: the only code that changes state and publishes events. Each takes the ports and the actor.
export * from './accounts.js';
export * from './alerts.js';
export * from './escalations.js';
export * from './groups.js';
export * from './invites.js';
export * from './members.js';
export * from './messages.js';
export * from './organisations.js';
export * from './photos.js';
export * from './places.js';
export * from './profiles.js';
export * from './push.js';
export * from './record-retention.js';
export * from './safety.js';
export * from './sessions.js';
export * from './sightings.js';

// Presenters: domain records turned into the protocol's shapes, showing only what the viewer may see.
export { loadEventMessages, presentEvent, serialiseFrame } from './event.js';
export { loadMessageViews, type PresentingStore, presentMessage, presentPhoto } from './message.js';
export { FORMER_MEMBER, presentFormerMember, presentPerson } from './person.js';

// The ports through which the core reaches the world; adapters live in the server package.
export type * from './escalations.js';
export type * from './geocoder.js';
export type * from './profiles.js';
export type * from './push.js';
export type * from './safety.js';
export type * from './services.js';
export type * from './sightings.js';
export type * from './store.js';

import type {
  Clock,
  EventPublisher,
  IdGenerator,
  ImageProcessor,
  MediaStore,
  PasswordHasher,
  Secrets,
} from './services.js';
import type { Store } from './store.js';

/** Everything an action may use, passed in by the composition root. */
export interface Ports {
  store: Store;
  events: EventPublisher;
  clock: Clock;
  ids: IdGenerator;
  secrets: Secrets;
  passwords: PasswordHasher;
  images: ImageProcessor;
  media: MediaStore;
}

// Photos: the sharp image processor, the disk media store and the media key scheme.
export { DiskMediaStore } from './disk-media-store.js';
export { createImageProcessor, DEFAULT_IMAGE_LIMITS, type ImageLimits } from './image-processor.js';
export { assertValidMediaKey, isValidMediaKey, mediaKeys } from './keys.js';

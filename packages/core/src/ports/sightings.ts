// Missing people: sightings reported against a missing-person alert, and withdrawal of their details once found.
// biome-ignore lint/complexity/noBannedTypes: filled in as the feature is built
export type SightingRepository = {};

// Missing people: sightings reported against a missing-person alert, and withdrawal of their details once found.
export {};

// Actions. See ports/sightings.ts.
export {};

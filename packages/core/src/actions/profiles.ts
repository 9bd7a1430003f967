// Actions. See ports/profiles.ts.
export {};

// Actions. See ports/safety.ts.
export {};

// Actions. See ports/escalations.ts.
export {};

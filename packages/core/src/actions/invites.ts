// Actions on invites (being written).
export {};

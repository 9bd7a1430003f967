// Actions on groups (being written).
export {};

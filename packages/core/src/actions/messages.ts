// Actions on messages (being written).
export {};

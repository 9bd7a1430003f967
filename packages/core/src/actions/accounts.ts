// Actions on accounts (being written).
export {};

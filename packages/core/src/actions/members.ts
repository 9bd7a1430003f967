// Actions on members (being written).
export {};

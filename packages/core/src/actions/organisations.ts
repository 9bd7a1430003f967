// Actions on organisations (being written).
export {};

// Actions on photos (being written).
export {};

// Who may do what: safety.
export {};

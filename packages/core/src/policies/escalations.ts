// Who may do what: escalations.
export {};

// Who may do what: profiles.
export {};

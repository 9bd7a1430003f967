// Who may do what: sightings.
export {};

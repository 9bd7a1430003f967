// Escalations: a message or alert handed to 999, 101 or an online report, with its reference and outcome.
export {};

// Safety: each organisation's emergency numbers, who is on watch, and messages flagged by the risk check.
export {};

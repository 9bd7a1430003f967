// Safety: each organisation's emergency numbers, who is on watch, and messages flagged by the risk check.
// biome-ignore lint/complexity/noBannedTypes: filled in as the feature is built
export type SafetyRepository = {};

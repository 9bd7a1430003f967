// The risk check: reads a message as it is posted for danger to life, self-harm, a crime in progress,
// fire, a crash or a person missing. Pure, with its lexicon in a data file people can review.
export {};

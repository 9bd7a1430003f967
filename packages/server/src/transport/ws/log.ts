// The logging the live stream needs: pino's (Fastify's) shape, or the console by default.

/** A structured logger: an object of context, then a message. Fastify's `app.log` fits. */
export interface StreamLog {
  error(context: object, message: string): void;
  warn(context: object, message: string): void;
}

/** Logs to the console; for scripts and tests that have no Fastify logger. */
export const consoleLog: StreamLog = {
  error: (context, message) => console.error(message, context),
  warn: (context, message) => console.warn(message, context),
};

// The CLI package's public face: run a `fellwatch` command line in-process.
export { EXIT, generalUsage, runCli } from './cli.js';
export type { CliIo } from './context.js';

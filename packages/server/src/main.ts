// The composition root: configuration -> adapters -> app, listening on PORT; prints the first-admin setup link.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSetupToken } from '@fellwatch/core';
import { compose } from './compose.js';
import { loadConfig } from './config/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const config = loadConfig(process.env, { webDir: join(here, '../../web/dist') });
const server = await compose(config);
const { app, ctx } = server;

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  const timer = setTimeout(() => process.exit(1), 10_000);
  timer.unref();
  await server.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

// A deep accept queue: after an outage thousands of members reconnect within seconds.
await app.listen({ port: config.port, host: config.host, backlog: 4096 });
const token = await ensureSetupToken(ctx.ports);
const store = 'engine' in ctx.ports.store ? String(ctx.ports.store.engine) : 'store';
process.stdout.write(`\nFellwatch is running at ${config.publicUrl} (${store}, data in ${config.dataDir})\n`);
if (token) {
  process.stdout.write(
    `\nNo platform admin yet. Create the first one with this one-time link:\n\n  ${config.publicUrl}/setup?token=${token}\n\n`,
  );
}

// Health checks, the OpenAPI document and the API reference page.
import { InstanceInfo } from '@fellwatch/protocol';
import type { Api } from '../api.js';
import { buildOpenApi, renderReference } from './openapi.js';

/** Registers /api/v1/instance, /healthz, /readyz, /api/v1/openapi.json and /api/v1/docs. Call after every other route. */
export function registerSystemRoutes(api: Api): void {
  const { app, ctx } = api;
  api.route({
    method: 'GET',
    url: '/api/v1/instance',
    summary: 'What the web client needs before anyone signs in: the map tiles to use',
    tag: 'reference',
    auth: 'none',
    responses: { 200: InstanceInfo },
    handler: async () => ({ mapTiles: ctx.config.mapTiles }),
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const ready = await ctx.ports.store.ping().catch(() => false);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'store unreachable' });
  });
  // Listed in the document itself, so the reference is complete; they are plain routes because they are not JSON APIs.
  api.docs.push(
    {
      method: 'GET',
      url: '/api/v1/openapi.json',
      summary: 'This OpenAPI 3.1 document',
      tag: 'reference',
      auth: 'none',
      multipart: false,
      responses: { 200: null },
    },
    {
      method: 'GET',
      url: '/api/v1/docs',
      summary: 'A readable API reference page (HTML)',
      tag: 'reference',
      auth: 'none',
      multipart: false,
      responses: { 200: null },
    },
  );
  let document: unknown;
  app.get('/api/v1/openapi.json', async () => {
    document ??= buildOpenApi(api.docs, `${ctx.config.publicUrl}`);
    return document;
  });
  let page: string | undefined;
  app.get('/api/v1/docs', async (_request, reply) => {
    page ??= renderReference(api.docs);
    return reply.type('text/html; charset=utf-8').send(page);
  });
}

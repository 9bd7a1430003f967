// Builds the HTTP and WebSocket server: plugins, security headers, routes, the web client.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { tileImageSource } from '../../config/index.js';
import { websocketPluginOptions } from '../ws/stream-route.js';
import { registerAlertRoutes } from './alerts/routes.js';
import { Api } from './api.js';
import { registerAuthRoutes } from './auth/routes.js';
import type { AppContext } from './context.js';
import { installErrorHandling } from './errors.js';
import { registerEscalationRoutes } from './escalations/routes.js';
import { registerGroupRoutes } from './groups/routes.js';
import { registerInviteRoutes } from './invites/routes.js';
import { registerMediaRoutes } from './media/routes.js';
import { registerMessageRoutes } from './messages/routes.js';
import { registerOrganisationRoutes } from './organisations/routes.js';
import { registerPlaceRoutes } from './places/routes.js';
import { registerProfileRoutes } from './profiles/routes.js';
import { registerPushRoutes } from './push/routes.js';
import { registerSafetyRoutes } from './safety/routes.js';
import { registerSightingRoutes } from './sightings/routes.js';
import { registerSystemRoutes } from './system/routes.js';

/** Extra parts the composition root plugs in (the live stream lives in transport/ws). */
export interface AppExtensions {
  registerStream?(app: FastifyInstance): Promise<void> | void;
}

/** Creates the Fastify app for a context. The caller listens and closes. */
export async function buildApp(ctx: AppContext, extensions: AppExtensions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: ctx.config.logLevel,
      // Secrets never reach the log: tokens travel in these headers.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 256 * 1024,
    // Request lines are logged only at debug level, and never for URLs that carry invite or setup tokens.
    logController: new LogController({
      disableRequestLogging: (request) =>
        ctx.config.logLevel !== 'debug' || /\/(invites|join|setup)\b/.test(request.url),
    }),
  });
  installErrorHandling(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', tileImageSource(ctx.config.mapTiles.url)],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'rate_limited',
      message: `Too many requests; try again in ${context.after}.`,
    }),
  });
  await app.register(multipart, {
    limits: { fileSize: ctx.config.maxUploadBytes, files: 1, fields: 5, parts: 6 },
  });
  await app.register(websocket, websocketPluginOptions);

  const api = new Api(app, ctx);
  registerAuthRoutes(api);
  registerOrganisationRoutes(api);
  registerGroupRoutes(api);
  registerInviteRoutes(api);
  registerMessageRoutes(api);
  registerAlertRoutes(api);
  registerMediaRoutes(api);
  registerPlaceRoutes(api);
  registerSafetyRoutes(api);
  registerEscalationRoutes(api);
  registerSightingRoutes(api);
  registerProfileRoutes(api);
  registerPushRoutes(api);
  registerSystemRoutes(api);
  await extensions.registerStream?.(app);

  await serveWebClient(app, ctx);
  return app;
}

/** Serves the built PWA with a fallback to index.html for client-side routes; API misses stay JSON 404s. */
async function serveWebClient(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const webDir = ctx.config.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!hasWeb || request.method !== 'GET' || path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: 'There is nothing at this address.' } });
    }
    if (path.startsWith('/join/') || path.startsWith('/setup')) {
      // Invite and setup links carry secrets: keep them out of search engines and other sites' logs.
      reply.header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'no-referrer');
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}

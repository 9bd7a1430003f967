// Builds the OpenAPI 3.1 document and a readable reference page from the routes' own schemas.
import { ErrorBody } from '@fellwatch/protocol';
import { z } from 'zod';
import type { RouteDoc } from '../api.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return rest as JsonSchema;
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: s,
  }));
}

/** The OpenAPI 3.1 document for the given routes. */
export function buildOpenApi(routes: readonly RouteDoc[], serverUrl: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const errorSchema = jsonSchema(ErrorBody, 'output');
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const responses: Record<string, JsonSchema> = {};
    for (const [status, schema] of Object.entries(route.responses)) {
      responses[status] = schema
        ? {
            description: 'Success',
            content: { 'application/json': { schema: jsonSchema(schema, 'output') } },
          }
        : { description: 'Success, no content' };
    }
    responses['4XX'] = {
      description: 'Refused: see error.code',
      content: { 'application/json': { schema: errorSchema } },
    };
    const operation: JsonSchema = {
      summary: route.summary,
      tags: [route.tag],
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
      responses,
      security:
        route.auth === 'none'
          ? []
          : route.auth === 'optional'
            ? [{}, { session: [] }, { bearer: [] }]
            : [{ session: [] }, { bearer: [] }],
    };
    if (route.multipart) {
      operation.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { photo: { type: 'string', format: 'binary' } },
              required: ['photo'],
            },
          },
        },
      };
    } else if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      };
    }
    paths[path] ??= {};
    (paths[path] as Record<string, JsonSchema>)[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Fellwatch API',
      version: '1',
      description:
        'Vetted rural watch groups. The live stream at /api/v1/stream is described in docs/PROTOCOL.md.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'fw_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A plain, script-free HTML reference of the API, grouped by tag. */
export function renderReference(routes: readonly RouteDoc[]): string {
  const tags = [...new Set(routes.map((r) => r.tag))];
  const sections = tags
    .map((tag) => {
      const rows = routes
        .filter((r) => r.tag === tag)
        .map((r) => {
          const body = r.multipart
            ? '<p>Body: <code>multipart/form-data</code> with a <code>photo</code> file.</p>'
            : r.body
              ? `<details><summary>Body schema</summary><pre>${escapeHtml(JSON.stringify(jsonSchema(r.body, 'input'), null, 2))}</pre></details>`
              : '';
          const ok = Object.entries(r.responses)
            .map(([status, s]) =>
              s
                ? `<details><summary>${status} response</summary><pre>${escapeHtml(JSON.stringify(jsonSchema(s, 'output'), null, 2))}</pre></details>`
                : `<p>${status}: no content</p>`,
            )
            .join('');
          const who =
            r.auth === 'none' ? 'no sign-in' : r.auth === 'optional' ? 'sign-in optional' : 'signed in';
          return `<article><h3><code>${r.method} ${escapeHtml(r.url)}</code></h3><p>${escapeHtml(r.summary)} <small>(${who})</small></p>${body}${ok}</article>`;
        })
        .join('\n');
      return `<section><h2>${escapeHtml(tag)}</h2>${rows}</section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fellwatch API reference</title><style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1b2a24;background:#fbfcfa}
h1{font-size:1.6rem}h2{border-bottom:2px solid #2f5d4e;padding-bottom:.2rem;margin-top:2rem}
article{border:1px solid #cfd8d3;border-radius:8px;padding:.6rem 1rem;margin:.8rem 0;background:#fff}
h3{font-size:1rem;margin:.2rem 0}pre{overflow:auto;background:#f1f4f2;padding:.6rem;border-radius:6px;font-size:.85rem}
</style></head><body><h1>Fellwatch API reference</h1>
<p>All endpoints are under <code>/api/v1</code>. Errors are <code>{"error":{"code","message"}}</code> with a 4xx status.
Machine-readable: <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
${sections}</body></html>`;
}

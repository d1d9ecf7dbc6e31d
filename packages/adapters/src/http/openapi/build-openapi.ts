import type { WireCode } from '../../wire';
import { STATUS_CODES } from '../status-codes';
import type { RouteDoc } from './route-catalogue';

/** A route as registered on the router: method and path template (`/api/class/:classId`). */
export interface RouteKey {
  readonly method: string;
  readonly path: string;
}

type Json = Record<string, unknown>;

const ENVELOPE: Json = {
  type: 'object',
  description: 'The envelope (http.md §1.2). `data` is absent on most failures.',
  required: ['success', 'status', 'code', 'message'],
  properties: {
    success: { type: 'boolean' },
    status: { type: 'integer', description: 'The HTTP status, repeated.' },
    code: { type: 'string', description: 'Catalogue code (docs/error-codes.md).' },
    message: { type: 'string', description: 'The Korean message of the code.' },
    data: { description: 'Payload; its shape depends on the route (http.md).' },
  },
};

const envelopeWith = (codes: readonly WireCode[]): Json => ({
  allOf: [{ $ref: '#/components/schemas/Envelope' }, { type: 'object', properties: { code: { type: 'string', enum: [...codes] } } }],
});

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

const operationId = (key: RouteKey) =>
  key.method.toLowerCase() + key.path.replace(/[^A-Za-z0-9]+([A-Za-z0-9])?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')) + (key.path.length > 1 && key.path.endsWith('/') ? 'Slash' : '');

/** The route's failure codes, plus 401 `GLOBAL_401` for routes that need a user and 403 `GLOBAL_403` for admin routes. */
export function failuresOf(doc: RouteDoc): WireCode[] {
  const implied: WireCode[] = doc.who.startsWith('public') ? [] : doc.who.startsWith('admin') ? ['GLOBAL_401', 'GLOBAL_403'] : ['GLOBAL_401'];
  return [...implied.filter((c) => !doc.errors.includes(c)), ...doc.errors];
}

/** The 200 answer and one response per failure status (codes with their messages). */
function responsesOf(doc: RouteDoc): Json {
  const responses: Json = {};
  if (doc.raw !== undefined) {
    const schema = doc.rawType ? { type: 'string', contentEncoding: 'binary', description: doc.raw } : { description: doc.raw };
    responses['200'] = { description: `RAW (not enveloped): ${doc.raw}`, content: { [doc.rawType ?? 'application/json']: { schema } } };
  } else if (doc.success !== undefined) {
    responses['200'] = { description: `Env(${doc.success}): ${STATUS_CODES[doc.success].message}`, content: { 'application/json': { schema: envelopeWith([doc.success]) } } };
  } else {
    responses['200'] = { description: 'Success, as described by the wire contract for this route (envelope, redirect or file).' };
  }
  const byStatus = new Map<number, WireCode[]>();
  for (const code of failuresOf(doc)) {
    const { status } = STATUS_CODES[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: codes.map((c) => `${c}: ${STATUS_CODES[c].message}`).join('; '),
      content: { 'application/json': { schema: envelopeWith(codes) } },
    };
  }
  return responses;
}

function operationOf(key: RouteKey, doc: RouteDoc | undefined): Json {
  const parameters = [...key.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  if (!doc) return { operationId: operationId(key), summary: `${key.method} ${key.path}`, 'x-undocumented': true, ...(parameters.length ? { parameters } : {}), responses: { default: { description: 'Not documented.' } } };
  const takesBody = key.method !== 'GET' && doc.request?.includes('{') === true;
  return {
    operationId: operationId(key),
    tags: [doc.tag],
    summary: `${key.method} ${key.path}`,
    description: [`Who: ${doc.who}.`, doc.only ? `Exists only with ${doc.only}.` : '', doc.request && !takesBody ? `Request: ${doc.request}` : ''].filter(Boolean).join(' '),
    ...(parameters.length ? { parameters } : {}),
    ...(takesBody ? { requestBody: { required: false, description: doc.request, content: { 'application/json': { schema: { type: 'object', description: doc.request } } } } } : {}),
    ...(doc.who.startsWith('public') ? { security: [] } : {}),
    responses: responsesOf(doc),
  };
}

/**
 * The OpenAPI 3.1 document of `routes`, described by `catalogue`. A route missing from the catalogue
 * still appears, marked `x-undocumented: true` (a test refuses those).
 */
export function buildOpenApi(routes: readonly RouteKey[], catalogue: Readonly<Record<string, RouteDoc>>, version: string): Json {
  const paths: Record<string, Json> = {};
  for (const key of [...routes].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))) {
    (paths[openApiPath(key.path)] ??= {})[key.method.toLowerCase()] = operationOf(key, catalogue[`${key.method} ${key.path}`]);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'SoosCode API',
      version,
      description: 'REST endpoints of the SoosCode API. Bodies and codes follow the wire contract (docs/http.md, docs/error-codes.md); the live classroom runs over STOMP at /ws (docs/stomp.md).',
    },
    security: [{ cookieAuth: [] }, { bearerAuth: [] }],
    paths,
    components: {
      schemas: { Envelope: ENVELOPE },
      securitySchemes: {
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'accessToken' },
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
    },
  };
}

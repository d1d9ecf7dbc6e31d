import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_CATALOGUE } from '@sooscode/adapters/http/openapi/route-catalogue';
import { startTestServer, type TestServer } from '../support/test-server';

type Operation = { 'x-undocumented'?: boolean; responses: Record<string, unknown> };

describe('GET /api/openapi.json', () => {
  let server: TestServer;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as typeof doc;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op })));

  it('describes every route of the router, and describes no route the router lacks', () => {
    const undocumented = operations().filter((o) => o.op['x-undocumented']).map((o) => o.key);
    expect(undocumented, 'routes without an entry in ROUTE_CATALOGUE').toEqual([]);
    const always = Object.entries(ROUTE_CATALOGUE).filter(([, d]) => d.only === undefined).map(([k]) => k);
    expect(operations().map((o) => o.key).sort()).toEqual(always.sort());
  });

  it('is a valid OpenAPI 3.1 document with a 200 answer for every operation', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    for (const { key, op } of operations()) expect([key, '200' in op.responses]).toEqual([key, true]);
  });
});

import fc from 'fast-check';
import { envelopeProblem, RAW_SUCCESSES, undocumented5xx } from './answer-checks';
import type { FuzzWorld } from './fuzz-world';
import { httpCases, type HttpCase } from './http-case';
import type { RouteEntry } from './route-table';

/** What a fuzzing run saw. */
export interface FuzzReport {
  cases: number;
  readonly byStatus: Record<string, number>;
  /** Each answer that broke a rule: an undocumented 5xx, a body that is neither envelope nor documented RAW, no answer at all. */
  readonly violations: string[];
}

/** An empty report. */
export function newReport(): FuzzReport {
  return { cases: 0, byStatus: {}, violations: [] };
}

/** Sends the body as `Transfer-Encoding: chunked`, in 64 KiB chunks. */
function chunkedBody(size: number): ReadableStream<Uint8Array> {
  let left = size;
  return new ReadableStream({
    pull(controller) {
      const n = Math.min(64 * 1024, left);
      left -= n;
      controller.enqueue(new Uint8Array(n).fill(0x7b));
      if (left === 0) controller.close();
    },
  });
}

async function send(world: FuzzWorld, c: HttpCase): Promise<Response> {
  const client = world.clients.get(c.actor)!;
  const headers: Record<string, string> = {};
  if (c.contentType !== undefined) headers['content-type'] = c.contentType;
  if (c.origin !== undefined) headers.origin = c.origin;
  const target = c.path + (c.query ? `?${c.query}` : '');
  const bodyless = c.method === 'GET' || c.method === 'HEAD';
  if (c.bodyMode === 'chunked' && !bodyless) {
    if (client.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const init = { method: c.method, headers, body: chunkedBody(c.body as number), duplex: 'half', signal: AbortSignal.timeout(20_000) };
    return fetch(world.url + target, init as RequestInit);
  }
  const raw = bodyless || c.bodyMode === 'none' ? undefined : c.bodyMode === 'oversized' ? 'x'.repeat(c.body as number) : String(c.body);
  return client.request(c.method, target, { headers, ...(raw === undefined ? {} : { raw }) });
}

/** Checks one answer against the rules; returns the problem or undefined. */
function problemOf(c: HttpCase, status: number, text: string): string | undefined {
  if (c.method === 'HEAD') return status === 500 ? 'HEAD answered 500' : undefined;
  if (c.method === c.route.method && RAW_SUCCESSES.has(`${c.route.method} ${c.route.path}`) && status < 300) return undefined;
  if (text === '') return `empty body with ${status}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `not JSON (${status}): ${text.slice(0, 80)}`;
  }
  return undocumented5xx(status, value) ?? envelopeProblem(status, value);
}

/** Runs `runs` fuzzed requests over `routes` (fixed `seed`) against `world`, recording into `report`. */
export async function fuzzHttp(world: FuzzWorld, routes: readonly RouteEntry[], runs: number, seed: number, report: FuzzReport): Promise<void> {
  const cases = httpCases(routes, () => world.ids);
  await fc.assert(
    fc.asyncProperty(cases, async (c) => {
      report.cases++;
      let status: number;
      let text: string;
      try {
        const res = await send(world, c);
        status = res.status;
        text = await res.text();
      } catch (e) {
        report.violations.push(`${c.method} ${c.path}?${c.query.slice(0, 200)} [${c.bodyMode}] no answer: ${String(e)}`);
        return;
      }
      report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
      const problem = problemOf(c, status, text);
      if (problem) report.violations.push(`${c.actor} ${c.method} ${c.path.slice(0, 200)}?${c.query.slice(0, 200)} [${c.bodyMode} ${c.contentType}] ${String(c.body).slice(0, 200)} → ${problem}`);
      if (status === 401 && /"code":"(GLOBAL_401|AUTH_401)"/.test(text)) await world.revive(c.actor);
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
}

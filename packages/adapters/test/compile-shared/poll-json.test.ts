import { afterEach, describe, expect, it } from 'vitest';
import { pollJson } from '../../src/compile-shared/poll-json';
import { closedPort, HttpRecorder } from '../compile-worker/http-recorder';

const servers: HttpRecorder[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function server(...args: Parameters<typeof HttpRecorder.start>): Promise<HttpRecorder> {
  const s = await HttpRecorder.start(...args);
  servers.push(s);
  return s;
}

const request = (signal = new AbortController().signal) => ({ headers: { authorization: 'Bearer t' }, timeoutMs: 500, signal });

describe('pollJson', () => {
  it('GETs once with the headers and query, and resolves the JSON body of a 2xx answer', async () => {
    const s = await server(() => ({ status: 200, body: { status: 'RUNNING' } }));
    expect(await pollJson(`${s.url}/r/1`, { ...request(), searchParams: { a: 'b' } })).toEqual({ body: { status: 'RUNNING' } });
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]).toMatchObject({ method: 'GET', url: '/r/1?a=b' });
    expect(s.requests[0]?.headers.authorization).toBe('Bearer t');
  });

  it('resolves the status of any other answer, without retrying', async () => {
    const s = await server(() => ({ status: 503, body: { error: 'busy' } }));
    expect(await pollJson(`${s.url}/r/1`, request())).toEqual({ status: 503 });
    expect(s.requests).toHaveLength(1);
  });

  it('rejects on a refused connection, a timeout or an abort', async () => {
    await expect(pollJson(`http://127.0.0.1:${await closedPort()}/r/1`, request())).rejects.toThrow();
    const hang = await server(() => 'hang');
    await expect(pollJson(`${hang.url}/r/1`, { ...request(), timeoutMs: 100 })).rejects.toThrow();
    const controller = new AbortController();
    const pending = pollJson(`${hang.url}/r/2`, request(controller.signal));
    controller.abort();
    await expect(pending).rejects.toThrow();
  });
});

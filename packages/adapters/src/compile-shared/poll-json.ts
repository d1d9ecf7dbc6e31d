import ky from 'ky';

/** One poll request of `pollJson`. */
export interface PollRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly searchParams?: Readonly<Record<string, string>>;
  /** Limit of this request, ms. */
  readonly timeoutMs: number;
  /** Aborts the request (the poll loop's signal). */
  readonly signal: AbortSignal;
}

/**
 * One `GET url` of a poll loop, never retried: resolves `{ body }` (the parsed JSON) for a 2xx
 * answer and `{ status }` for any other, whose body is discarded. Rejects on a network error, a
 * timeout, an abort or a body that is not JSON; to a poller each of these means "not yet".
 */
export async function pollJson(url: string, request: PollRequest): Promise<{ readonly body: unknown } | { readonly status: number }> {
  const res = await ky.get(url, {
    headers: request.headers,
    searchParams: request.searchParams,
    timeout: request.timeoutMs,
    signal: request.signal,
    retry: 0,
    throwHttpErrors: false,
  });
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { status: res.status };
  }
  return { body: (await res.json()) as unknown };
}

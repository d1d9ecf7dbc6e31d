import fc from 'fast-check';
import { APP_DESTINATION_TEMPLATES } from '@sooscode/adapters/realtime/class-destinations';
import { envelopeProblem, undocumented5xx } from './answer-checks';
import type { FuzzActor, FuzzWorld } from './fuzz-world';
import type { FuzzReport } from './http-fuzzer';
import { hostileJson, hostileNumber, hostileString } from './hostile-values';
import { RawStompClient, type ReceivedFrame } from './raw-stomp-client';

/** One fuzzed SEND. */
interface StompCase {
  readonly actor: FuzzActor;
  readonly destination: string;
  readonly body: string;
  /** Send a `content-length` header (needed for a body holding a literal NUL). */
  readonly withLength: boolean;
}

const SEND_FIELDS = ['content', 'replyToChatId', 'chatId', 'classId', 'typing', 'mode', 'code', 'language'];

function stompCases(ids: () => readonly number[]): fc.Arbitrary<StompCase> {
  const id = fc.oneof(
    { weight: 6, arbitrary: fc.nat({ max: 63 }).map((i) => String(ids()[i % ids().length])) },
    { weight: 1, arbitrary: fc.constantFrom('0', '-1', 'abc', '99999999999999999999', '1.5', '', '%00', '\u0000', 'a\\cb', '😀') },
  );
  const destination = fc.oneof(
    { weight: 12, arbitrary: fc.tuple(fc.constantFrom(...APP_DESTINATION_TEMPLATES), id, id).map(([t, a, b]) => t.replace('{id}', a).replace('{id}', b)) },
    { weight: 1, arbitrary: fc.constantFrom('/topic/class/1/chat', '/app/unknown', '/app/', '', '/user/queue/errors', '/app/chat/1/send/x') },
  );
  const value = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null), hostileJson);
  const object = fc
    .uniqueArray(fc.constantFrom(...SEND_FIELDS), { maxLength: 4 })
    .chain((names) => fc.tuple(...names.map(() => value)).map((vs) => JSON.stringify(Object.fromEntries(names.map((n, i) => [n, vs[i]])))));
  const body = fc.oneof(
    { weight: 8, arbitrary: object },
    { weight: 1, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? '') },
    { weight: 1, arbitrary: fc.constantFrom('', '{', 'null', '[]', '{"content":"a\u0000b"}', '\u0000\u0000', 'x'.repeat(300_000)) },
  );
  return fc.record({
    actor: fc.oneof({ weight: 12, arbitrary: fc.constantFrom<FuzzActor>('student', 'instructor', 'admin') }, { weight: 1, arbitrary: fc.constant<FuzzActor>('anonymous') }),
    destination,
    body,
    withLength: fc.boolean(),
  });
}

/** Checks one ERROR frame or `/user/queue/errors` message; returns the problem or undefined. */
function frameProblem(frame: ReceivedFrame): string | undefined {
  if (frame.command !== 'ERROR' && !(frame.command === 'MESSAGE' && frame.headers.destination === '/user/queue/errors')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(frame.body);
  } catch {
    return `${frame.command} body is not JSON: ${frame.body.slice(0, 80)}`;
  }
  const status = (value as { status?: unknown } | null)?.status;
  if (typeof status !== 'number') return `${frame.command} without a status`;
  return undocumented5xx(status, value) ?? envelopeProblem(status, value);
}

/**
 * Runs `runs` fuzzed SEND frames on every `/app` destination (from the destination patterns), as
 * student, instructor and admin sessions joined to the world's class, plus anonymous CONNECTs.
 * Every error message and ERROR frame must carry a documented code (no `GLOBAL_500`); every frame
 * must be answered (RECEIPT, or ERROR and close).
 */
export async function fuzzStomp(world: FuzzWorld, runs: number, seed: number, report: FuzzReport): Promise<void> {
  const sessions = new Map<FuzzActor, RawStompClient>();
  /** How many frames of each session were already checked. */
  const checked = new WeakMap<RawStompClient, number>();
  let receipts = 0;
  const session = async (actor: FuzzActor): Promise<RawStompClient> => {
    const open = sessions.get(actor);
    if (open?.connected) return open;
    const client = await RawStompClient.connect(world.url, world.token(actor));
    if (client.connected) {
      client.send('SUBSCRIBE\nid:errors\ndestination:/user/queue/errors\n\n\0');
      client.send(`SUBSCRIBE\nid:chat\ndestination:/topic/class/${world.room.id}/chat\nreceipt:join\n\n\0`);
      await client.until(() => client.frames.some((f) => f.command === 'RECEIPT'));
    }
    sessions.set(actor, client);
    return client;
  };
  try {
    await fc.assert(
      fc.asyncProperty(stompCases(() => world.ids), async (c) => {
        report.cases++;
        const client = await session(c.actor);
        const seen = client.frames.length;
        const receipt = `r${++receipts}`;
        if (client.connected) {
          const length = c.withLength ? `content-length:${Buffer.byteLength(c.body)}\n` : '';
          client.send(Buffer.from(`SEND\ndestination:${c.destination}\nreceipt:${receipt}\n${length}\n${c.body}\0`, 'utf8'));
          const answered = await client.until(() => client.frames.slice(seen).some((f) => f.headers['receipt-id'] === receipt || f.command === 'ERROR'));
          if (!answered && !client.closed) report.violations.push(`${c.actor} SEND ${c.destination} ${c.body.slice(0, 200)} → no RECEIPT`);
        }
        const fresh = client.frames.slice(checked.get(client) ?? 0);
        checked.set(client, client.frames.length);
        for (const frame of fresh) {
          const problem = frameProblem(frame);
          if (problem) report.violations.push(`${c.actor} SEND ${c.destination} ${c.body.slice(0, 200)} → ${problem}`);
          const code = (frame.command === 'ERROR' || frame.headers.destination === '/user/queue/errors') && /"code":"([A-Z_0-9]+)"/.exec(frame.body)?.[1];
          if (code) report.byStatus[code] = (report.byStatus[code] ?? 0) + 1;
        }
        if (!fresh.some((f) => f.command === 'ERROR' || f.headers.destination === '/user/queue/errors')) report.byStatus.accepted = (report.byStatus.accepted ?? 0) + 1;
        if (!client.connected) {
          sessions.delete(c.actor);
          if (fresh.some((f) => f.command === 'ERROR' && f.body.includes('"GLOBAL_401"'))) await world.revive(c.actor);
        }
      }),
      { seed, numRuns: runs, endOnFailure: true },
    );
  } finally {
    for (const client of sessions.values()) client.close();
  }
}

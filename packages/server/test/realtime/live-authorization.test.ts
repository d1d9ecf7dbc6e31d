import type { LiveFanOut } from '@sooscode/adapters/realtime/live-fan-out';
import { STATUS_CODES } from '@sooscode/adapters/http/status-codes';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS } from '../../src/tokens';
import { startTestServer, type TestServer } from '../support/test-server';
import { castOf, createClass, topics, type Actor, type Cast } from './support/cast';
import { closeAllClients, LiveClient } from './support/live-client';

let server: TestServer;
let cast: Cast;

beforeAll(async () => {
  server = await startTestServer({ env: { SEED_DEMO_DATA: 'true' } });
  cast = await castOf(server.url);
});
afterAll(async () => {
  await server?.stop();
});
afterEach(closeAllClients);

const connect = (who: Actor) => LiveClient.connect(server.url, { token: who.token });
const C = 1;

/** The ErrorMessage of stomp.md §5.3 for `code`. */
function errorMessage(code: keyof typeof STATUS_CODES, command: 'SEND' | 'SUBSCRIBE', destination: string) {
  const { status, message } = STATUS_CODES[code];
  return { success: false, status, code, message, data: { command, destination } };
}

describe('SUBSCRIBE authorisation (stomp.md §5.1)', () => {
  type Row = { who: () => Actor; expected: Record<string, string | null> };
  const everywhere = (code: string | null, studentCode: string | null = code) => ({
    chat: code, participants: code, system: code, mode: code, typing: code, instructorCode: code, studentCode,
  });
  const rows: Record<string, Row> = {
    'a student enrolled nowhere': { who: () => cast.outsider, expected: everywhere('CLASS_002') },
    'an enrolled student (own code topic)': { who: () => cast.student1, expected: everywhere(null) },
    "the class's instructor": { who: () => cast.instructor, expected: everywhere(null) },
    'the instructor of another class': { who: () => cast.otherInstructor, expected: everywhere('CLASS_002') },
    'an admin (admins are not members)': { who: () => cast.admin, expected: everywhere('CLASS_002') },
  };

  for (const [label, row] of Object.entries(rows)) {
    it(`${label}: refusals on /user/queue/errors, allowed topics deliver, the connection stays open`, async () => {
      const who = row.who();
      const client = await connect(who);
      const destinations: Record<string, string> = {
        chat: topics.chat(C),
        participants: topics.participants(C),
        system: topics.system(C),
        mode: topics.mode(C),
        typing: topics.typing(C),
        instructorCode: topics.instructorCode(C),
        studentCode: topics.studentCode(C, cast.student1.id),
      };
      await client.join(...Object.values(destinations));
      const expectedErrors = Object.entries(row.expected)
        .filter(([, code]) => code !== null)
        .map(([key, code]) => errorMessage(code as 'CLASS_002', 'SUBSCRIBE', destinations[key]!));
      expect(client.errors()).toEqual(expectedErrors);

      // a probe published to every destination reaches exactly the allowed subscriptions
      const fanOut = server.container.get<LiveFanOut>(TOKENS.LiveFanOut);
      for (const destination of Object.values(destinations)) await fanOut.publish(destination, { probe: destination });
      await client.sent('/app/chat/1/typing', { typing: false }); // a round trip: every probe has arrived
      const probed = client.received.filter((m) => 'probe' in m.body).map((m) => m.destination);
      const allowed = Object.entries(row.expected).filter(([, code]) => code === null).map(([key]) => destinations[key]);
      expect(probed).toEqual(allowed);
      expect(client.isConnected).toBe(true);
    });
  }

  it('student code topics: another student is CLASS_002; the instructor needs an enrolled student (PART_001)', async () => {
    const student = await connect(cast.student1);
    await student.join(topics.studentCode(C, cast.student2.id), topics.studentCode(C, cast.student1.id));
    expect(student.errors()).toEqual([errorMessage('CLASS_002', 'SUBSCRIBE', topics.studentCode(C, cast.student2.id))]);

    const instructor = await connect(cast.instructor);
    await instructor.join(topics.studentCode(C, cast.outsider.id), topics.studentCode(C, cast.instructor.id), topics.studentCode(C, 999_999), topics.studentCode(C, cast.student2.id));
    expect(instructor.errorCodes()).toEqual(['PART_001', 'PART_001', 'PART_001']);
  });

  it('unknown destinations are GLOBAL_404; an unknown class CLASS_001; an inactive class CLASS_008', async () => {
    const inactive = await createClass(cast.admin.http, cast.instructor.id, [cast.student1.id], '정지된 클래스');
    const del = await cast.admin.http.json('POST', `/api/admin/classes/${inactive}/delete`);
    expect(del.status).toBe(200);
    const client = await connect(cast.student1);
    const unknown = ['/topic/class/1/unknown', '/topic/class/0/chat', '/topic/class/abc/chat', '/queue/errors', '/user/queue/other', '/topic/code/student/1', '/app/chat/1/send'];
    await client.join(...unknown, topics.chat(999_999), topics.chat(inactive));
    expect(client.errors()).toEqual([
      ...unknown.map((d) => errorMessage('GLOBAL_404', 'SUBSCRIBE', d)),
      errorMessage('CLASS_001', 'SUBSCRIBE', topics.chat(999_999)),
      errorMessage('CLASS_008', 'SUBSCRIBE', topics.chat(inactive)),
    ]);
    expect(client.isConnected).toBe(true);
  });
});

describe('SEND checks (stomp.md §5.2)', () => {
  it('SEND to /topic is GLOBAL_403, an unknown /app pattern GLOBAL_404, a non-object body GLOBAL_400, before joining CLASS_009', async () => {
    const client = await connect(cast.student1);
    await client.join();
    await client.sent(topics.chat(C), { content: 'direct' });
    await client.sent('/app/chat/1/unknown', { content: 'x' });
    await client.sent('/app/chat/1/send', '[1,2]');
    await client.sent('/app/chat/1/send', '{broken');
    await client.sent('/app/chat/1/send', { content: 'before join' });
    await client.sent('/app/code/student/1', { code: 'x' });
    await client.sent('/app/chat/999999/send', { content: 'x' });
    expect(client.errors()).toEqual([
      errorMessage('GLOBAL_403', 'SEND', topics.chat(C)),
      errorMessage('GLOBAL_404', 'SEND', '/app/chat/1/unknown'),
      errorMessage('GLOBAL_400', 'SEND', '/app/chat/1/send'),
      errorMessage('GLOBAL_400', 'SEND', '/app/chat/1/send'),
      errorMessage('CLASS_009', 'SEND', '/app/chat/1/send'),
      errorMessage('CLASS_009', 'SEND', '/app/code/student/1'),
      errorMessage('CLASS_001', 'SEND', '/app/chat/999999/send'),
    ]);
    const history = await cast.student1.http.json('GET', '/api/chat/history?classId=1');
    expect(JSON.stringify(history.body)).not.toContain('before join');
    expect(client.isConnected).toBe(true);
  });

  it('a non-member is CLASS_002 before the join check; joining in one class does not allow sends to another', async () => {
    const outsider = await connect(cast.outsider);
    await outsider.join();
    await outsider.sent('/app/chat/1/send', { content: 'x' });
    expect(outsider.errorCodes()).toEqual(['CLASS_002']);

    const student = await connect(cast.student1);
    await student.join(topics.chat(cast.otherClassId));
    await student.sent('/app/chat/1/send', { content: 'wrong class' });
    expect(student.errorCodes()).toEqual(['CLASS_009']);
  });

  it('only the offending session gets the error message, and a denied SUBSCRIBE still gets its RECEIPT after it', async () => {
    const a = await connect(cast.student2);
    const b = await connect(cast.student2);
    await Promise.all([a.join(), b.join()]);
    await a.withReceipt((receipt) => a.subscribe(topics.chat(cast.otherClassId), { receipt }));
    expect(a.log.slice(-2)).toEqual(['MESSAGE /user/queue/errors', expect.stringMatching(/^RECEIPT /)]);
    expect(a.errorCodes()).toEqual(['CLASS_002']);
    await b.sent('/app/chat/1/typing', { typing: true });
    expect(b.errorCodes()).toEqual(['CLASS_009']);
    expect(a.errorCodes()).toEqual(['CLASS_002']);
  });
});

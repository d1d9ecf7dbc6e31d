import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StompEndpoint } from '@sooscode/adapters/stomp/index';
import { TOKENS } from '../../src/tokens';
import { HAS_POSTGRES, HAS_REDIS } from '../../../adapters/test/support/services';
import { startTestServer, type TestServer } from '../support/test-server';
import { castOf, createAccount, createClass, logIn, topics, type Actor, type Cast } from './support/cast';
import { closeAllClients, LiveClient } from './support/live-client';
import { startSecondNode, type SecondNode } from './support/second-node';
import { eventually } from './support/eventually';

describe.skipIf(!HAS_REDIS || !HAS_POSTGRES)('two API nodes sharing Redis and Postgres (stomp.md §8)', () => {
  let nodeA: TestServer;
  let nodeB: SecondNode;
  let cast: Cast;

  beforeAll(async () => {
    nodeA = await startTestServer({ redis: true, env: { SEED_DEMO_DATA: 'true' } });
    nodeB = await startSecondNode(nodeA);
    cast = await castOf(nodeA.url);
  });
  afterAll(async () => {
    await nodeB?.stop();
    await nodeA?.stop();
  });
  afterEach(closeAllClients);

  const on = (node: { url: string }, who: Actor) => LiveClient.connect(node.url, { token: who.token });
  const C = 1;
  /** GET on a given node as the admin. */
  const restOn = async (node: { url: string }, path: string) => (await fetch(node.url + path, { headers: { cookie: `accessToken=${cast.admin.token}` } })).json();

  it('members on different nodes see each other: presence, chat, mode snapshot and code', async () => {
    const teacher = await on(nodeA, cast.instructor);
    await teacher.join(topics.chat(C), topics.participants(C), topics.studentCode(C, cast.student1.id));
    const student = await on(nodeB, cast.student1);
    await student.join(topics.chat(C), topics.participants(C), topics.instructorCode(C));
    await eventually(() => expect(teacher.messages(topics.participants(C)).at(-1)).toMatchObject({ totalCount: 2, studentCount: 1 }));
    expect(student.messages(topics.participants(C)).at(-1)).toMatchObject({ totalCount: 2 }); // the snapshot read shared presence
    for (const node of [nodeA, nodeB]) {
      expect(await restOn(node, `/api/class/${C}/count`)).toEqual({ classId: C, count: 2 });
      expect(await restOn(node, `/api/class/${C}/participants`)).toMatchObject({ totalCount: 2 });
    }

    student.send('/app/chat/1/send', { content: 'B에서 보냄' });
    teacher.send('/app/chat/1/send', { content: 'A에서 보냄' });
    await eventually(() => expect(teacher.messages(topics.chat(C)).map((m) => m.content)).toEqual(expect.arrayContaining(['B에서 보냄', 'A에서 보냄'])));
    await eventually(() => expect(student.messages(topics.chat(C)).map((m) => m.content)).toEqual(expect.arrayContaining(['B에서 보냄', 'A에서 보냄'])));
    const history = await cast.student2.http.json('GET', '/api/chat/history?classId=1');
    expect((history.body.data as { messages: { content: string }[] }).messages.map((m) => m.content)).toEqual(expect.arrayContaining(['B에서 보냄', 'A에서 보냄']));

    teacher.send('/app/class/1/mode', { mode: 'READ' });
    teacher.send('/app/code/instructor/1', { code: 'shared on A' });
    await eventually(() => expect(student.messages(topics.instructorCode(C)).map((m) => m.code)).toEqual(['shared on A']));
    await student.sent('/app/code/student/1', { code: 'from B' });
    expect(student.errorCodes()).toEqual(['CLASS_011']); // the live mode is shared
    const late = await on(nodeB, cast.student2);
    await late.join(topics.chat(C), topics.mode(C));
    expect(late.messages(topics.mode(C))).toEqual([{ mode: 'VIEW_ONLY' }]);

    // the same user on both nodes is one participant, present until the last of its sessions leaves
    const twin = await on(nodeA, cast.student1);
    await twin.join(topics.chat(C));
    expect(await restOn(nodeB, `/api/class/${C}/count`)).toEqual({ classId: C, count: 3 });
    const endpointA = nodeA.container.get<StompEndpoint>(TOKENS.StompEndpoint);
    const openOnA = endpointA.sessionCount;
    await twin.close();
    await eventually(() => expect(endpointA.sessionCount).toBe(openOnA - 1)); // its leave has been processed
    expect(await restOn(nodeA, `/api/class/${C}/count`)).toEqual({ classId: C, count: 3 });
    await student.close();
    await eventually(() => expect(teacher.messages(topics.participants(C)).at(-1)).toMatchObject({ totalCount: 2, studentCount: 1 }));
    expect(teacher.messages(topics.participants(C)).at(-1)?.participants).not.toContainEqual(expect.objectContaining({ userId: cast.student1.id }));
  });

  it('a kick through REST on node A reaches the target on node B', async () => {
    const teacher = await on(nodeA, cast.instructor);
    await teacher.join(topics.chat(C), topics.participants(C));
    const target = await on(nodeB, cast.student2);
    await target.join('/user/queue/system', topics.chat(C));
    await eventually(() => expect(teacher.messages(topics.participants(C)).at(-1)).toMatchObject({ totalCount: 2 }));

    const kick = await cast.instructor.http.request('POST', `/api/class/${C}/kick/${cast.student2.id}?reason=B`);
    expect(kick.status).toBe(200);
    await eventually(() => expect(target.messages('/user/queue/system')).toEqual([{ type: 'KICKED', classId: C, message: 'B' }]));
    await eventually(() => expect(teacher.messages(topics.participants(C)).at(-1)).toMatchObject({ totalCount: 1 }));
    const seen = target.received.length;
    await teacher.sent('/app/chat/1/send', { content: '퇴장 이후' });
    await target.sent('/app/chat/1/typing', {});
    await target.withReceipt((receipt) => target.subscribe(topics.chat(C), { receipt }));
    expect(target.errorCodes()).toEqual(['CLASS_010', 'CLASS_010']);
    expect(target.received.slice(seen).filter((m) => m.destination !== '/user/queue/errors')).toEqual([]);

    // ending the class on node B lifts the ban everywhere and tells node A's sessions
    const end = await fetch(`${nodeB.url}/api/class/${C}/end`, { method: 'POST', headers: { cookie: `accessToken=${cast.instructor.token}` } });
    expect(end.status).toBe(200);
    await eventually(() => expect(teacher.messages(topics.participants(C)).at(-1)).toMatchObject({ totalCount: 0 }));
    await target.join(topics.chat(C));
    expect(target.errorCodes()).toEqual(['CLASS_010', 'CLASS_010']);
  });

  it('admin changes on node A (unassign, class delete) are seen by the class checks on node B', async () => {
    const c = await createClass(cast.admin.http, cast.instructor.id, [cast.student1.id, cast.student2.id], '노드 간 배정');
    const student = await on(nodeB, cast.student1);
    await student.join(topics.chat(c), '/user/queue/system');
    const classmate = await on(nodeB, cast.student2);
    await classmate.join(topics.chat(c), topics.participants(c));
    await eventually(() => expect(classmate.messages(topics.participants(c)).at(-1)).toMatchObject({ totalCount: 2 }));

    const unassign = await cast.admin.http.json('POST', `/api/admin/classes/${c}/students/delete`, { body: { studentIds: [cast.student1.id] } });
    expect(unassign.status).toBe(200);
    await eventually(() => expect(classmate.messages(topics.participants(c)).at(-1)).toMatchObject({ totalCount: 1 }));
    await student.sent(`/app/chat/${c}/typing`, {});
    await student.withReceipt((receipt) => student.subscribe(topics.chat(c), { receipt }));
    expect(student.errorCodes()).toEqual(['CLASS_002', 'CLASS_002']);
    expect(student.messages('/user/queue/system')).toEqual([]);

    const del = await cast.admin.http.json('POST', `/api/admin/classes/${c}/delete`);
    expect(del.status).toBe(200);
    await eventually(() => expect(classmate.messages(topics.participants(c)).at(-1)).toMatchObject({ totalCount: 0 }));
    await classmate.withReceipt((receipt) => classmate.subscribe(topics.chat(c), { receipt }));
    expect(classmate.errorCodes()).toEqual(['CLASS_008']);
  });

  it('a logout on node A closes the session of that family on node B', async () => {
    const family = await logIn(nodeA.url, 'student1@sooscode.local', 'Student1!');
    const remote = await on(nodeB, family);
    const unrelated = await on(nodeB, cast.student1);
    const out = await family.http.json('POST', '/api/auth/logout', { body: {} });
    expect(out.body.code).toBe('AUTH_001');
    await remote.ended();
    expect(remote.errorFrame?.headers['message']).toBe('GLOBAL_401');
    expect(remote.closeCode).toBe(1008);
    expect(unrelated.isConnected).toBe(true);
    await expect(on(nodeB, family)).rejects.toThrow('ERROR GLOBAL_401');
  });

  it('an admin deactivation on node B closes the user\'s sessions on both nodes', async () => {
    const user = await createAccount(cast.admin.http, 'cluster-leaver@test.local', '노드탈퇴', 'STUDENT');
    const [onA, onB] = [await on(nodeA, user), await on(nodeB, user)];
    const r = await fetch(`${nodeB.url}/api/admin/users/${user.id}/deactivate`, { method: 'POST', headers: { cookie: `accessToken=${cast.admin.token}` } });
    expect(r.status).toBe(200);
    for (const client of [onA, onB]) {
      await client.ended();
      expect(client.errorFrame?.headers['message']).toBe('GLOBAL_401');
    }
    await expect(on(nodeA, user)).rejects.toThrow('ERROR GLOBAL_401');
  });
});

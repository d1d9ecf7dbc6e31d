import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodemailerMailer } from '../../src/mail/nodemailer-mailer';
import { SmtpSink } from './smtp-sink';

describe('NodemailerMailer against a real SMTP server on loopback', () => {
  let sink: SmtpSink;
  let mailer: NodemailerMailer;
  beforeAll(async () => {
    sink = await new SmtpSink().start();
    mailer = new NodemailerMailer({ host: '127.0.0.1', port: sink.port, secure: false, from: 'SoosCode <no-reply@sooscode.local>', timeoutMs: 5000 });
  });
  afterAll(async () => {
    mailer.close();
    await sink.stop();
  });

  it('resolves once the server accepted the message, with sender, recipient, subject and text intact', async () => {
    await mailer.send({ to: 'kim@example.com', subject: '[SoosCode] 이메일 인증 코드', text: 'SoosCode 이메일 인증 코드: 123456\n\n5분' });
    const mail = sink.to('kim@example.com');
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ from: 'no-reply@sooscode.local', to: ['kim@example.com'], subject: '[SoosCode] 이메일 인증 코드' });
    expect(mail[0]!.text).toContain('SoosCode 이메일 인증 코드: 123456');
    expect(sink.codeFor('kim@example.com')).toBe('123456');
  });

  it('rejects when the server refuses the recipient', async () => {
    sink.refuseRecipients = true;
    try {
      await expect(mailer.send({ to: 'nobody@example.com', subject: 's', text: 't' })).rejects.toThrow();
    } finally {
      sink.refuseRecipients = false;
    }
    expect(sink.to('nobody@example.com')).toHaveLength(0);
  });
});

describe('NodemailerMailer when the server is unreachable or silent', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    silent = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('rejects when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const mailer = new NodemailerMailer({ host: '127.0.0.1', port, secure: false, from: 'a@b.c', timeoutMs: 2000 });
    await expect(mailer.send({ to: 'x@example.com', subject: 's', text: 't' })).rejects.toThrow();
  });

  it('rejects after its timeout when the server never greets', async () => {
    const port = (silent.address() as AddressInfo).port;
    const mailer = new NodemailerMailer({ host: '127.0.0.1', port, secure: false, from: 'a@b.c', timeoutMs: 300 });
    await expect(mailer.send({ to: 'x@example.com', subject: 's', text: 't' })).rejects.toThrow();
  });
});

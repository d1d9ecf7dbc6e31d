import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the sink received it, with its single text/plain part decoded. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: string[];
  readonly subject: string;
  readonly text: string;
  readonly raw: string;
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Parses a single-part message (what nodemailer sends for `text` only). */
export function parseMail(raw: string, from: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  return { from, to, subject: decodeWords(header('Subject')), text, raw };
}

/**
 * A plain SMTP server on 127.0.0.1 (no TLS, no AUTH) that keeps what it receives.
 * `refuseRecipients` makes it answer 550 to every RCPT TO.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  refuseRecipients = false;
  private readonly server: SMTPServer;
  port = 0;
  private stopped = false;

  constructor() {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.refuseRecipients) {
          const e = new Error('mailbox unavailable') as Error & { responseCode: number };
          e.responseCode = 550;
          callback(e);
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          this.received.push(parseMail(Buffer.concat(chunks).toString('latin1'), from, session.envelope.rcptTo.map((r) => r.address)));
          callback();
        });
      },
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /** Messages to `email`, oldest first. */
  to(email: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(email));
  }

  /** The 6-digit code in the newest message to `email`, or undefined. */
  codeFor(email: string): string | undefined {
    const last = this.to(email).at(-1);
    return last ? /\b(\d{6})\b/.exec(last.text)?.[1] : undefined;
  }

  /** Stops listening; later sends find nothing there (connection refused). Safe to call twice. */
  stop(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.stopped = true;
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

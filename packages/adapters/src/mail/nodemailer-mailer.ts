import type { Transporter } from 'nodemailer';
import type { Mailer } from '@sooscode/domain';
import { lazyModule } from '../system/lazy-module';

/** nodemailer (about 15 MiB once loaded) is loaded with the first message. */
const nodemailer = lazyModule(async () => (await import('nodemailer')).default);

/** SMTP settings (SMTP_*). */
export interface SmtpOptions {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (port 465 style). STARTTLS is used when the server offers it. */
  readonly secure: boolean;
  readonly user?: string;
  readonly password?: string;
  readonly from: string;
  /** Connection, greeting and socket timeout in milliseconds. */
  readonly timeoutMs: number;
}

/** Sends mail through an SMTP server with nodemailer; resolves once the server accepted the message. */
export class NodemailerMailer implements Mailer {
  private transport: Transporter | undefined;

  constructor(private readonly options: SmtpOptions) {}

  private async connect(): Promise<Transporter> {
    const options = this.options;
    this.transport ??= (await nodemailer()).createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      auth: options.user ? { user: options.user, pass: options.password ?? '' } : undefined,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    });
    return this.transport;
  }

  async send(message: { to: string; subject: string; text: string }): Promise<void> {
    await (await this.connect()).sendMail({ from: this.options.from, to: message.to, subject: message.subject, text: message.text });
  }

  /** Closes pooled connections. */
  close(): void {
    this.transport?.close();
  }
}

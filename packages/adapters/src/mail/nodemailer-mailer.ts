import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer } from '@sooscode/domain';

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
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpOptions) {
    this.transport = nodemailer.createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      auth: options.user ? { user: options.user, pass: options.password ?? '' } : undefined,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    });
  }

  async send(message: { to: string; subject: string; text: string }): Promise<void> {
    await this.transport.sendMail({ from: this.options.from, to: message.to, subject: message.subject, text: message.text });
  }

  /** Closes pooled connections. */
  close(): void {
    this.transport.close();
  }
}

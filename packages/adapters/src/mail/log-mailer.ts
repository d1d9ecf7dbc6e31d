import type { Mailer } from '@sooscode/domain';
import type { Logger } from '../system/logger';

/**
 * The development mailer used when no SMTP server is configured: each message, verification code
 * included, is written to the log so registration works in the embedded run. Never use in production.
 */
export class LogMailer implements Mailer {
  constructor(private readonly logger: Logger) {}

  async send(message: { to: string; subject: string; text: string }): Promise<void> {
    this.logger.warn({ to: message.to, subject: message.subject, text: message.text }, 'development mailer: message not sent, logged instead');
  }
}

/** Sends email. Resolves when the server accepted the message; rejects when it could not be sent. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

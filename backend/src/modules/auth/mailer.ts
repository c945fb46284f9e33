import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import { KEEPS_LINK } from '../../logging';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The one link the mail is about; printed in the log when no SMTP server is configured. */
  link: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'console';
  send(message: MailMessage): Promise<void>;
}

class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  private readonly transporter: Transporter;

  constructor(
    private readonly smtp: NonNullable<Config['smtp']>,
    private readonly log: FastifyBaseLogger,
  ) {
    this.transporter = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transporter.sendMail({ from: this.smtp.from, to: message.to, subject: message.subject, text: message.text });
    this.log.info({ to: message.to, subject: message.subject }, 'email sent');
  }
}

/**
 * Without SMTP the app still works: the link goes to the server log (never into an HTTP response). It is the one
 * log line allowed to carry a token; configure SMTP wherever the log is shared.
 */
class ConsoleMailer implements Mailer {
  readonly kind = 'console';
  constructor(private readonly log: FastifyBaseLogger) {}

  async send(message: MailMessage): Promise<void> {
    this.log.warn(
      { [KEEPS_LINK]: true, to: message.to, subject: message.subject, link: message.link },
      `SMTP is not configured — email not sent. ${message.subject} for ${message.to}: ${message.link}`,
    );
  }
}

export function createMailer(config: Config, log: FastifyBaseLogger): Mailer {
  return config.smtp ? new SmtpMailer(config.smtp, log) : new ConsoleMailer(log);
}

import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import type { Kdb } from '../../db/client';
import zhCN from '../../../shared/locales/zh-CN/notifications.json';
import type { JobQueue } from '../jobs/queue';
import { EMAIL_JOB } from './notifier';
import { emailRepo } from './notifications.repo';

export interface NotificationMessages {
  kinds: Record<string, string>;
  email: { subject: string; open: string; footer: string };
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

/** i18next-style `{{name}}` interpolation; a missing value renders empty rather than as the placeholder. */
export function interpolate(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, key: string) => {
    const v = params[key];
    if (v === null || v === undefined) return '';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
}

/** Joins the public base URL and an in-app path without doubling or dropping the slash. */
export function absoluteUrl(publicUrl: string, link: string): string {
  if (/^https?:\/\//i.test(link)) return link;
  return `${publicUrl.replace(/\/+$/, '')}/${link.replace(/^\/+/, '')}`;
}

/** Subject and plain-text body of one notification, in the language of `messages`. */
export function renderEmail(
  n: { kind: string; params: Record<string, unknown>; link: string | null },
  publicUrl: string,
  messages: NotificationMessages = zhCN,
): RenderedEmail {
  const template = messages.kinds[n.kind];
  // An unknown kind still tells the recipient something rather than failing the delivery.
  const message = template ? interpolate(template, n.params) : n.kind;
  const lines = [message];
  if (n.link) lines.push('', interpolate(messages.email.open, { url: absoluteUrl(publicUrl, n.link) }));
  lines.push('', '--', messages.email.footer);
  return { subject: interpolate(messages.email.subject, { message }), text: `${lines.join('\n')}\n` };
}

export interface MailSender {
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/**
 * smtp://user:pass@host:port (STARTTLS when the server offers it) or smtps:// (TLS from the
 * start). Query parameters pass through as nodemailer options, e.g. ?ignoreTLS=true.
 */
export function smtpOptions(smtpUrl: string) {
  const u = new URL(smtpUrl);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error(`SMTP_URL must start with smtp:// or smtps://, got ${u.protocol}`);
  const secure = u.protocol === 'smtps:';
  const options: Record<string, unknown> = {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    // a stuck server must fail the attempt (the queue retries) instead of holding the worker
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  };
  if (u.username) options.auth = { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) };
  for (const [key, value] of u.searchParams) {
    options[key] = value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value;
  }
  return options;
}

export function createSmtpSender(smtpUrl: string, from: string): MailSender {
  const transport = nodemailer.createTransport(smtpOptions(smtpUrl));
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}

/**
 * The handler of 'email.notification' jobs: renders the notification in zh-CN and mails it to
 * its recipient. A recipient without an address is skipped (the job succeeds); a send error
 * throws, so the queue retries with backoff. emailed_at makes a retried job send only once.
 */
export function registerEmailJob(jobs: JobQueue, db: Kdb, config: Pick<Config, 'SMTP_URL' | 'SMTP_FROM' | 'PUBLIC_URL'>, log?: FastifyBaseLogger, sender?: MailSender): void {
  let mailer = sender;
  jobs.register(EMAIL_JOB, async (payload) => {
    const id = Number((payload as { notificationId?: unknown } | null)?.notificationId);
    if (!Number.isInteger(id) || id <= 0) throw new Error(`bad payload for ${EMAIL_JOB}: ${JSON.stringify(payload)}`);
    const n = await emailRepo.findForEmail(db, id);
    // deleted together with its user, or already delivered by an earlier attempt
    if (!n || n.emailed_at) return;
    const to = n.email?.trim();
    if (!to || n.status !== 'active') {
      log?.info({ notificationId: id }, 'notification not e-mailed: recipient has no address or is inactive');
      return;
    }
    // Registered even without SMTP, so a job left from a configured instance fails visibly in the
    // job monitor (and retries should SMTP come back) instead of as an unknown job.
    if (!mailer && !config.SMTP_URL) throw new Error('SMTP_URL is not configured on this instance');
    const mail = renderEmail({ kind: n.kind, params: n.params ?? {}, link: n.link }, config.PUBLIC_URL);
    mailer ??= createSmtpSender(config.SMTP_URL!, config.SMTP_FROM);
    await mailer.send({ to, subject: mail.subject, text: mail.text });
    await emailRepo.markEmailed(db, id);
  });
}

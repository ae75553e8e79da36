/**
 * MailApp: messages are not sent but kept, with Apps Script's daily recipient
 * quota (100 a day for a consumer account, 1,500 for Workspace) and its message
 * when the quota is spent. A test moves to the next day to reset the quota, as
 * a leader resuming a mailing of voter codes tomorrow would.
 */
import type { ExactSurface, FakeContext } from './context';

type GasMailApp = GoogleAppsScript.Mail.MailApp;
type MailOptions = GoogleAppsScript.Mail.MailAdvancedParameters;

/** Consumer (gmail.com) accounts: recipients per day. */
export const CONSUMER_DAILY_QUOTA = 100;
export const QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';
export const NO_RECIPIENT = 'Failed to send email: no recipient';

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  /** The sender's display name. */
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  /** The day it was sent: 1 for the first day of the test, then one more per nextDay(). */
  day: number;
}

/** What was sent and what remains of today's quota; tests read and change it freely. */
export class MailModel {
  readonly sent: SentMail[] = [];
  day = 1;
  /** Recipients (to, cc and bcc) already counted against today's quota. */
  usedToday = 0;

  constructor(public dailyQuota = CONSUMER_DAILY_QUOTA) {}

  remaining(): number {
    return Math.max(0, this.dailyQuota - this.usedToday);
  }

  /** A new day: the quota is whole again. */
  nextDay(): void {
    this.day += 1;
    this.usedToday = 0;
  }

  /** The messages one address received, oldest first (case-insensitive, as mail addresses are). */
  to(address: string): SentMail[] {
    const wanted = address.trim().toLowerCase();
    return this.sent.filter((m) => [...m.to, ...m.cc, ...m.bcc].some((a) => a.toLowerCase() === wanted));
  }
}

export type MailAppMethod = 'sendEmail' | 'getRemainingDailyQuota';

export class FakeMailApp implements Pick<GasMailApp, MailAppMethod> {
  constructor(readonly model: MailModel, private readonly ctx: FakeContext) {}

  /**
   * sendEmail({to, subject, body, htmlBody, name, replyTo, noReply, cc, bcc}),
   * sendEmail(recipient, subject, body[, options]) or sendEmail(to, replyTo, subject, body).
   * Nothing is kept when the call fails: a bad address, no recipient, or a quota
   * too small for all its recipients.
   */
  sendEmail(first: string | MailOptions, second?: string, third?: string, fourth?: string | MailOptions): void {
    const message: MailOptions = typeof first === 'object' && first !== null ? { ...first }
      : typeof fourth === 'string' ? { to: first, replyTo: second, subject: third, body: fourth }
      : { ...(fourth ?? {}), to: first, subject: second, body: third };
    this.ctx.calls.record('MailApp.sendEmail', String(message.to ?? ''));
    const to = this.addresses(message.to);
    const cc = this.addresses(message.cc);
    const bcc = this.addresses(message.bcc);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw this.ctx.exception(NO_RECIPIENT);
    if (count > this.model.remaining()) throw this.ctx.exception(QUOTA_EXCEEDED);
    this.model.usedToday += count;
    this.model.sent.push({
      to,
      cc,
      bcc,
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      ...(message.htmlBody === undefined ? {} : { htmlBody: String(message.htmlBody) }),
      ...(message.name === undefined ? {} : { name: String(message.name) }),
      ...(message.replyTo === undefined ? {} : { replyTo: String(message.replyTo) }),
      ...(message.noReply === undefined ? {} : { noReply: Boolean(message.noReply) }),
      day: this.model.day,
    });
  }

  getRemainingDailyQuota(): number {
    this.ctx.calls.record('MailApp.getRemainingDailyQuota');
    return this.model.remaining();
  }

  /** "a@x.org, b@y.org" → each address, checked as MailApp checks them. */
  private addresses(list: string | undefined): string[] {
    if (list === undefined || list === null) return [];
    const addresses = String(list).split(',').map((a) => a.trim()).filter((a) => a !== '');
    const bad = addresses.find((a) => !/^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/.test(a));
    if (bad !== undefined) throw this.ctx.exception(`Invalid email: ${bad}`);
    return addresses;
  }
}

export const mailAppSurface: ExactSurface<FakeMailApp, MailAppMethod> = true;


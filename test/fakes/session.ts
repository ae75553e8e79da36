/**
 * Session (the user and the script's time zone), Utilities (formatDate, getUuid,
 * sleep) and ScriptApp (its AuthMode enum), as an add-on meets them.
 */
import { isDate } from '../../src/core/inputError';
import { mulberry32 } from '../../src/core/lot';
import { checkTimeZone, offsetMinutesAt, wallTimeAt } from '../../src/core/zonedTime';
import { enumOf, exposed, type ExactSurface, type FakeContext } from './context';

type GasUser = GoogleAppsScript.Base.User;

export class FakeUser implements Pick<GasUser, 'getEmail'> {
  constructor(readonly model: { email: string }, private readonly ctx: FakeContext) {}

  getEmail(): string {
    this.ctx.calls.record('User.getEmail');
    return this.model.email;
  }
}

export const userSurface: ExactSurface<FakeUser, 'getEmail'> = true;

export interface SessionModel {
  /** '' as Apps Script gives it when the user's address is not shared with the script. */
  activeUserEmail: string;
  effectiveUserEmail: string;
  scriptTimeZone: string;
  locale: string;
}

export type SessionMethod = 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale';

export class FakeSession implements Pick<GoogleAppsScript.Base.Session, SessionMethod> {
  constructor(readonly model: SessionModel, private readonly ctx: FakeContext) {}

  getActiveUser(): GasUser {
    this.ctx.calls.record('Session.getActiveUser');
    return exposed<GasUser>(new FakeUser({ email: this.model.activeUserEmail }, this.ctx));
  }

  getEffectiveUser(): GasUser {
    this.ctx.calls.record('Session.getEffectiveUser');
    return exposed<GasUser>(new FakeUser({ email: this.model.effectiveUserEmail }, this.ctx));
  }

  getScriptTimeZone(): string {
    this.ctx.calls.record('Session.getScriptTimeZone');
    return this.model.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    this.ctx.calls.record('Session.getActiveUserLocale');
    return this.model.locale;
  }
}

export const sessionSurface: ExactSurface<FakeSession, SessionMethod> = true;

export type UtilitiesMethod = 'formatDate' | 'getUuid' | 'sleep';

export class FakeUtilities implements Pick<GoogleAppsScript.Utilities.Utilities, UtilitiesMethod> {
  /** UUIDs handed out and milliseconds slept. */
  readonly model = { uuids: 0, sleptMs: 0 };
  /** Seeded, so a run is reproducible, yet every bit a v4 UUID leaves random is random: voter codes are drawn from them. */
  private readonly random = mulberry32(0x5eed);

  constructor(private readonly ctx: FakeContext) {}

  /** Java SimpleDateFormat patterns: yyyy-MM-dd, HH:mm, yyyy-MM-dd HH:mm:ss, EEE d MMMM, h:mm a, XXX … */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.ctx.calls.record('Utilities.formatDate');
    if (!isDate(date) || Number.isNaN(date.getTime())) {
      throw this.ctx.exception('The parameters (String,String,String) don\'t match the method signature for Utilities.formatDate.');
    }
    try {
      checkTimeZone(timeZone);
    } catch {
      throw this.ctx.exception(`Invalid argument: timeZone (${timeZone})`);
    }
    return formatJavaPattern(date.getTime(), timeZone, format, (m) => this.ctx.exception(m));
  }

  getUuid(): string {
    this.ctx.calls.record('Utilities.getUuid');
    this.model.uuids += 1;
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16));
    hex[12] = '4'; // version 4
    hex[16] = (8 + Math.floor(this.random() * 4)).toString(16); // variant 10xx
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** Returns at once; the time is only added up. */
  sleep(milliseconds: number): void {
    this.ctx.calls.record('Utilities.sleep');
    this.model.sleptMs += milliseconds;
  }
}

export const utilitiesSurface: ExactSurface<FakeUtilities, UtilitiesMethod> = true;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function formatJavaPattern(ms: number, timeZone: string, pattern: string, fail: (message: string) => Error): string {
  const w = wallTimeAt(ms, timeZone);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const tokens = pattern.match(/'(?:[^']|'')*'|([A-Za-z])\1*|[^A-Za-z']+/g) ?? [];
  return tokens.map((t) => {
    if (t.startsWith("'")) return t === "''" ? "'" : t.slice(1, -1).replace(/''/g, "'");
    const n = t.length;
    switch (t[0]) {
      case 'y': return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
      case 'M': return n >= 4 ? MONTHS[w.month - 1]! : n === 3 ? MONTHS[w.month - 1]!.slice(0, 3) : pad(w.month, n);
      case 'd': return pad(w.day, n);
      case 'E': {
        const day = DAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()]!;
        return n >= 4 ? day : day.slice(0, 3);
      }
      case 'H': return pad(w.hour, n);
      case 'h': return pad(((w.hour + 11) % 12) + 1, n);
      case 'a': return w.hour < 12 ? 'AM' : 'PM';
      case 'm': return pad(w.minute, n);
      case 's': return pad(w.second, n);
      case 'S': return pad(((ms % 1000) + 1000) % 1000, 3).slice(0, Math.max(n, 3));
      case 'Z': case 'X': return offsetText(offsetMinutesAt(ms, timeZone), t);
      default:
        if (/^[A-Za-z]/.test(t)) throw fail(`The fake Utilities.formatDate does not know the pattern letter "${t[0]}".`);
        return t;
    }
  }).join('');
}

function offsetText(minutes: number, token: string): string {
  if (token.startsWith('X') && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const h = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const m = String(Math.abs(minutes) % 60).padStart(2, '0');
  return token === 'XXX' ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

export const AuthMode = enumOf<typeof GoogleAppsScript.Script.AuthMode>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);

/** ScriptApp, for its AuthMode enum (onOpen runs in AuthMode.NONE before the add-on is authorized). */
export class FakeScriptApp implements Pick<GoogleAppsScript.Script.ScriptApp, 'AuthMode'> {
  readonly AuthMode = AuthMode;
}

export const scriptAppSurface: ExactSurface<FakeScriptApp, 'AuthMode'> = true;

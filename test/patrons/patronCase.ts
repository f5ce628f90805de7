// The vocabulary of the patron test sets: a case is one message or a short conversation on one
// channel at a fixed library time, and each bot reply is checked against facts written by hand from
// config/demo-library.yaml and config/demo-programs.ics (never copied from the bot's output).
// A check that fails on a fact about hours, closures, program times or holds counts as a wrong fact.
import { DateTime } from 'luxon';

export type Channel = 'webchat' | 'sms';

/** What a check sees: the reply as the patron reads it (every activity's visible text) and the clock. */
export interface ReplyContext {
  reply: string;
  /** Each message as sent (SMS: one text message each). */
  messages: string[];
  now: DateTime;
  channel: Channel;
}

export interface Check {
  label: string;
  /** A failure here is a wrong fact (the bot said something false), not only an unhelpful answer. */
  wrongFact?: boolean;
  test(reply: ReplyContext): boolean;
}

export interface PatronTurn {
  say: string;
  expect: Check[];
}

export interface PatronCase {
  id: string;
  channel: Channel;
  /** A clock name from CLOCKS. */
  at: ClockName;
  turns: PatronTurn[];
  /** Sent as the patron's id (an SMS patron's id is the phone number they text from). */
  from?: string;
}

/** Library times the cases run at (America/Chicago). */
export const CLOCKS = {
  /** Monday 30 Nov 2026, 8:20 PM: Main Library closes at 9. */
  'mon-evening': '2026-11-30T20:20:00-06:00',
  /** Tuesday 1 Dec 2026, 10:15 AM: every building open, the Bookmobile at Pine Street Park from 3. */
  'tue-morning': '2026-12-01T10:15:00-06:00',
  /** Thursday 3 Dec 2026, 3:40 PM. */
  'thu-afternoon': '2026-12-03T15:40:00-06:00',
  /** Saturday 5 Dec 2026, 12:10 PM. */
  'sat-midday': '2026-12-05T12:10:00-06:00',
  /** Sunday 6 Dec 2026, 9:30 AM: only Main opens today, at 1 PM. */
  'sun-morning': '2026-12-06T09:30:00-06:00',
  /** Wednesday 16 Dec 2026, 11:00 AM. */
  'wed-mid-dec': '2026-12-16T11:00:00-06:00',
  /** Monday 21 Dec 2026, 10:00 AM: Christmas week. */
  'xmas-week': '2026-12-21T10:00:00-06:00',
  /** Tuesday 12 Jan 2027, 4:00 PM. */
  jan: '2027-01-12T16:00:00-06:00',
} as const;
export type ClockName = keyof typeof CLOCKS;

export const ZONE = 'America/Chicago';

export function clockOf(name: ClockName): DateTime {
  return DateTime.fromISO(CLOCKS[name], { zone: ZONE });
}

// ---- building cases -------------------------------------------------------------------------

export function msg(
  id: string,
  channel: Channel,
  at: ClockName,
  say: string,
  ...expect: Check[]
): PatronCase {
  return { id, channel, at, turns: [{ say, expect }] };
}

export function turn(say: string, ...expect: Check[]): PatronTurn {
  return { say, expect };
}

export function conv(
  id: string,
  channel: Channel,
  at: ClockName,
  turns: PatronTurn[],
  from?: string,
): PatronCase {
  return from ? { id, channel, at, turns, from } : { id, channel, at, turns };
}

// ---- facts ------------------------------------------------------------------------------------

export type Fact = string | RegExp | ((reply: ReplyContext) => boolean);

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function found(fact: Fact, reply: ReplyContext): boolean {
  if (typeof fact === 'function') return fact(reply);
  const text = flatten(reply.reply);
  if (typeof fact === 'string') return text.toLowerCase().includes(fact.toLowerCase());
  return new RegExp(fact.source, fact.flags.replace('g', '')).test(text);
}

function describe(fact: Fact): string {
  return typeof fact === 'function' ? (fact.name ?? 'fact') : String(fact);
}

/** Every fact must be in the reply (missing: an unhelpful answer). */
export function has(...facts: Fact[]): Check {
  return {
    label: `has ${facts.map(describe).join(', ')}`,
    test: (reply) => facts.every((fact) => found(fact, reply)),
  };
}

/** At least one of the facts must be in the reply. */
export function hasAny(...facts: Fact[]): Check {
  return {
    label: `has one of ${facts.map(describe).join(' | ')}`,
    test: (reply) => facts.some((fact) => found(fact, reply)),
  };
}

/** A false statement about hours, closures, program times or holds: none may appear. */
export function never(...facts: Fact[]): Check {
  return {
    label: `never ${facts.map(describe).join(', ')}`,
    wrongFact: true,
    test: (reply) => !facts.some((fact) => found(fact, reply)),
  };
}

/** Something the bot should not say here (not a wrong fact: a wrong move). */
export function neverSay(...facts: Fact[]): Check {
  return {
    label: `never says ${facts.map(describe).join(', ')}`,
    test: (reply) => !facts.some((fact) => found(fact, reply)),
  };
}

/** `first` appears before `then` (answers in the order asked; a question back comes last). */
export function ordered(first: Fact, then: Fact): Check {
  const at = (fact: Fact, reply: ReplyContext) => {
    const text = flatten(reply.reply);
    if (typeof fact === 'string') return text.toLowerCase().indexOf(fact.toLowerCase());
    if (typeof fact === 'function') return fact(reply) ? 0 : -1;
    return text.search(new RegExp(fact.source, fact.flags.replace('g', '')));
  };
  return {
    label: `${describe(first)} before ${describe(then)}`,
    test: (reply) => {
      const a = at(first, reply);
      const b = at(then, reply);
      return a >= 0 && b >= 0 && a < b;
    },
  };
}

/** Not "didn't understand", not a "which do you mean" menu. */
export function understood(): Check {
  return neverSay(/didn'?t understand|not sure what you mean|still not sure|Which do you mean|Did you mean/i);
}

/** No offer of a person and no handoff (small talk, a plain question). */
export function noPersonOffer(): Check {
  return neverSay(
    /Would you like (me to bring in|to talk to) a person|bring in a person from the library\?|in line|leave a message\?/i,
  );
}

/** The bot offers (or starts) bringing in a person. */
export function offersPerson(): Check {
  return has(
    /(bring in|talk to|talk with|connect you with|speak (to|with)) (a |a real )?(person|staff|librarian)|person from the library|staff member/i,
  );
}

/** A time of day as the bot may write it: "9:00 AM", "9 AM", "noon"; "4:00" inside "4:00-5:30 PM". */
export function t(clock: string): RegExp {
  const [h, m] = clock.split(':').map(Number);
  if (h === 12 && m === 0) return /\b(noon|12(:00)?\s*(PM|p\.m\.))/i;
  if (h === 0 && m === 0) return /\b(midnight|12(:00)?\s*(AM|a\.m\.))/i;
  const hour = h % 12 || 12;
  const meridiem = h < 12 ? 'a' : 'p';
  const mm = String(m).padStart(2, '0');
  const forms = [`${hour}:${mm}\\s*${meridiem}\\.?m\\b`, `${hour}:${mm}(?=\\s*(-|–|to)\\s*\\d)`];
  if (m === 0) forms.push(`${hour}\\s*${meridiem}\\.?m\\b`);
  // With its meridiem, or without one at the start of a span ("4:00-5:30 PM").
  return new RegExp(`(?<![\\d:])(${forms.join('|')})`, 'i');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date as "Dec 5", "December 5" or "12/5"; "today" or "tomorrow" when it is one. */
export function dateText(iso: string, now: DateTime): RegExp {
  const date = DateTime.fromISO(iso, { zone: ZONE });
  const month = date.month - 1;
  const day = date.day;
  const relative: string[] = [];
  const today = now.startOf('day');
  const diff = Math.round(date.startOf('day').diff(today, 'days').days);
  if (diff === 0) relative.push('today', 'tonight');
  if (diff === 1) relative.push('tomorrow');
  const written = `(${MONTHS[month]}|${MONTH_NAMES[month]})\\.? ${day}(?!\\d)|(?<![\\d/])${month + 1}/${day}(?![\\d])`;
  return new RegExp(`${written}${relative.length ? `|\\b(${relative.join('|')})\\b` : ''}`, 'i');
}

/** The reply names this date (a fact for has / never). */
export function d(iso: string): (reply: ReplyContext) => boolean {
  const fact = (reply: ReplyContext) => dateText(iso, reply.now).test(flatten(reply.reply));
  Object.defineProperty(fact, 'name', { value: `date ${iso}` });
  return fact;
}

/**
 * The text around each mention of a program's title: from the start of its sentence (or line) to a
 * little after it, where its day and time are written. The sentence start matters for negations
 * ("I couldn't find any programs about homework help on Thursday, Dec 24").
 */
function windows(reply: ReplyContext, title: string, size = 110): string[] {
  const text = flatten(reply.reply);
  const lower = text.toLowerCase();
  const wanted = title.toLowerCase();
  const out: string[] = [];
  for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
    const before = text.slice(0, at);
    const sentence = Math.max(before.lastIndexOf('. '), before.lastIndexOf(': '), before.lastIndexOf('|'));
    out.push(text.slice(sentence < 0 ? 0 : sentence + 1, at + wanted.length + size));
  }
  return out;
}

/** Only the part from the title on: the day and time of this program, not of an earlier one. */
function fromTitle(window: string, title: string): string {
  const at = window.toLowerCase().indexOf(title.toLowerCase());
  return at < 0 ? window : window.slice(at);
}

/** The program is offered on that day at that time (its day and time follow its title). */
export function program(title: string, iso: string, start: string): Check {
  return {
    label: `program ${title} on ${iso} at ${start}`,
    test: (reply) =>
      windows(reply, title)
        .map((w) => fromTitle(w, title))
        .some((w) => dateText(iso, reply.now).test(w) && t(start).test(w)),
  };
}

const NEGATION =
  /\b(not|no|none|isn'?t|off|cancel+ed|closed|closes|closing|won'?t|couldn'?t|could not|can'?t|cannot|left out|skipp?ed)\b/i;

/** The program is not offered on that day (a closure or an early closing): a wrong fact if it is. */
export function noProgramOn(title: string, iso: string): Check {
  return {
    label: `no ${title} on ${iso}`,
    wrongFact: true,
    test: (reply) =>
      !windows(reply, title).some(
        (w) => dateText(iso, reply.now).test(fromTitle(w, title)) && !NEGATION.test(w),
      ),
  };
}

/** These programs are not offered (outside the age asked, another topic). */
export function notOffered(...titles: string[]): Check {
  return {
    label: `not offered: ${titles.join(', ')}`,
    test: (reply) =>
      titles.every((title) => !flatten(reply.reply).toLowerCase().includes(title.toLowerCase())),
  };
}

/** "for the next 7 days" only over seven days of rows. */
export function honestWeek(): Check {
  return {
    label: 'a week said as seven days is seven days',
    wrongFact: true,
    test: (reply) => {
      if (!/next 7 days/i.test(reply.reply)) return true;
      const rows = reply.reply.match(/^(Today|Tomorrow|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/gim) ?? [];
      return rows.length >= 7;
    },
  };
}

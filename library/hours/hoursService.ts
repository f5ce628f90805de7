// Opening hours in the library's own time zone: what a day's hours are, whether a branch is open now,
// when it next opens. Plain TypeScript over the configuration; the clock is injected so tests can freeze it
// and so the answer never depends on the server's time zone.
import { DateTime } from 'luxon';
import type { Branch, LibraryConfig, OpenPeriod, SpecialDay, Weekday } from '../../config/libraryConfig';
import { LibraryTimeZone } from './libraryTimeZone';
import { SpecialDayCalendar } from './specialDays';

const weekdays: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** One stretch of opening, as absolute times in the library's zone. */
export interface OpenInterval {
  start: DateTime;
  end: DateTime;
  /** Where the bookmobile (or another stop) is during this stretch. */
  place?: string;
}

export interface DayHours {
  branchId: string;
  /** yyyy-MM-dd in the library's zone. */
  date: string;
  /** The stretches that start on this day (one may end after midnight). */
  periods: OpenInterval[];
  /** Open from midnight to midnight (possibly continuing from the day before). */
  allDay: boolean;
  closed: boolean;
  /** Why the day differs from the usual week: a holiday's name or an exception's reason. */
  note?: string;
}

export interface HoursStatus {
  branchId: string;
  now: DateTime;
  open: boolean;
  /** The stretch the branch is in now (merged across midnight), when open. */
  current?: OpenInterval;
  /** The next stretch that starts after now. */
  next?: OpenInterval;
  /** Today's hours, for the note (a holiday) and for "open 24 hours". */
  today: DayHours;
}

export type Clock = () => Date;

/** How far ahead "next opening" looks: long enough for a closure for repairs. */
const lookAheadDays = 60;

export class HoursService {
  readonly zone: string;
  /** The same zone for luxon, with its offsets kept ("now" is asked on every hours turn). */
  private readonly timeZone: LibraryTimeZone;
  readonly calendar: SpecialDayCalendar;
  private readonly branchesById: Map<string, Branch>;
  private readonly memo = new Map<string, OpenInterval[]>();
  private readonly midnights = new Map<string, DateTime>();
  private readonly days = new Map<string, DayHours>();
  private readonly stretches = new Map<string, OpenInterval[]>();

  constructor(
    private readonly config: Pick<LibraryConfig, 'library' | 'branches' | 'specialDays'>,
    private readonly clock: Clock = () => new Date(),
  ) {
    this.zone = config.library.timeZone;
    this.timeZone = new LibraryTimeZone(this.zone);
    this.calendar = new SpecialDayCalendar(config.specialDays);
    this.branchesById = new Map(config.branches.map((b) => [b.id, b]));
  }

  get branches(): readonly Branch[] {
    return this.config.branches;
  }

  branch(branchId: string): Branch {
    const branch = this.branchesById.get(branchId);
    if (!branch) throw new Error(`unknown branch "${branchId}"`);
    return branch;
  }

  /** Now in the library's zone (or a given instant). */
  now(at?: Date): DateTime {
    return DateTime.fromJSDate(at ?? this.clock(), { zone: this.timeZone });
  }

  /** Today's date (yyyy-MM-dd) in the library's zone. */
  today(at?: Date): string {
    return this.now(at).toISODate()!;
  }

  /** A date's hours for one branch: branch exception, else special day, else the usual week. */
  day(branchId: string, date: string): DayHours {
    // The programs search asks this for every program it considers: computed once per branch and date.
    const key = `${branchId}|${date}`;
    let day = this.days.get(key);
    if (!day) {
      if (this.days.size > 5000) this.days.clear();
      day = this.computeDay(branchId, date);
      this.days.set(key, day);
    }
    return { ...day, periods: day.periods.map((period) => ({ ...period })) };
  }

  private computeDay(branchId: string, date: string): DayHours {
    const branch = this.branch(branchId);
    const periods = this.intervalsStarting(branch, date);
    const dayStart = this.startOfDay(date);
    const dayEnd = this.startOfDay(plusDays(date, 1));
    const covering = mergeIntervals([...this.intervalsStarting(branch, plusDays(date, -1)), ...periods]);
    const allDay = covering.some((i) => i.start <= dayStart && i.end >= dayEnd);
    return {
      branchId,
      date,
      periods,
      allDay,
      closed: periods.length === 0 && !allDay,
      note: this.noteFor(branch, date),
    };
  }

  /** Seven days of hours starting on `from` (default today). */
  week(branchId: string, from?: string): DayHours[] {
    const start = from ?? this.today();
    return Array.from({ length: 7 }, (_, i) => this.day(branchId, plusDays(start, i)));
  }

  /** Open now? Until when? If not, when next? */
  status(branchId: string, at?: Date): HoursStatus {
    const branch = this.branch(branchId);
    const now = this.now(at);
    const today = now.toISODate()!;
    // Look a week ahead first and further only when needed (a long closure, a 24-hour stretch).
    let current: OpenInterval | undefined;
    let next: OpenInterval | undefined;
    for (const days of [8, lookAheadDays]) {
      const intervals = this.stretchesFrom(branch, today, days);
      current = intervals.find((i) => i.start <= now && now < i.end);
      next = intervals.find((i) => i.start > now);
      const horizon = this.startOfDay(plusDays(today, days));
      if (next && (!current || current.end < horizon)) break;
    }
    // Copies: the stretches are kept for the next question today.
    current = current && { ...current };
    next = next && { ...next };
    return { branchId, now, open: Boolean(current), current, next, today: this.day(branchId, today) };
  }

  /** The open stretches (merged across midnight) from the day before `date` to `days` days after it. */
  private stretchesFrom(branch: Branch, date: string, days: number): OpenInterval[] {
    // Every hours answer asks this for today: worked out once per branch and day.
    const key = `${branch.id}|${date}|${days}`;
    let merged = this.stretches.get(key);
    if (!merged) {
      if (this.stretches.size > 5000) this.stretches.clear();
      merged = mergeIntervals(
        Array.from({ length: days + 1 }, (_, i) =>
          this.intervalsStarting(branch, plusDays(date, i - 1)),
        ).flat(),
      );
      this.stretches.set(key, merged);
    }
    return merged;
  }

  /** The next time the branch opens after `at` (or now), if within the look-ahead. */
  nextOpening(branchId: string, at?: Date): OpenInterval | undefined {
    return this.status(branchId, at).next;
  }

  /**
   * The last day on or before `date` that a branch is open (a week back at most): a hold kept "until
   * Sunday" at a branch closed on Sundays is picked up by Saturday. `date` itself for an unknown branch.
   */
  lastOpenDay(branchId: string, date: string): string {
    if (!this.branchesById.has(branchId)) return date;
    for (let back = 0; back < 7; back++) {
      const day = this.day(branchId, plusDays(date, -back));
      if (!day.closed) return day.date;
    }
    return date;
  }

  /** A mobile branch's regular stops: each weekday's periods that name a place. */
  stops(branchId: string): { weekday: Weekday; opens: string; closes: string; place: string }[] {
    const branch = this.branch(branchId);
    return weekdays.flatMap((weekday) =>
      (branch.hours[weekday] ?? [])
        .filter((period) => period.place)
        .map((period) => ({ weekday, opens: period.opens, closes: period.closes, place: period.place! })),
    );
  }

  /** The next visits to a place from a date on (holidays and exceptions included), within the look-ahead. */
  visits(branchId: string, place: string, from: string = this.today(), count = 1): OpenInterval[] {
    const found: OpenInterval[] = [];
    for (let i = 0; i < lookAheadDays && found.length < count; i++) {
      const day = this.day(branchId, plusDays(from, i));
      found.push(...day.periods.filter((p) => p.place === place && p.end > this.now()));
    }
    return found.slice(0, count);
  }

  /** A holiday named in free text and the next date it falls on (today counts). */
  holiday(text: string, at?: Date): { day: SpecialDay; date: string } | undefined {
    const day = this.calendar.find(text);
    if (!day) return undefined;
    const date = this.calendar.nextDate(day, this.today(at));
    return date ? { day, date } : undefined;
  }

  /** The special day on a date, if any. */
  specialDayOn(date: string): SpecialDay | undefined {
    return this.calendar.on(date);
  }

  private startOfDay(date: string): DateTime {
    // Zone arithmetic is the costly part of an hours answer; a date's midnight never changes.
    let start = this.midnights.get(date);
    if (!start) {
      if (this.midnights.size > 5000) this.midnights.clear();
      start = DateTime.fromISO(date, { zone: this.zone }).startOf('day');
      this.midnights.set(date, start);
    }
    return start;
  }

  private noteFor(branch: Branch, date: string): string | undefined {
    const exception = branch.exceptions.find((e) => e.date === date);
    if (exception) return exception.reason ?? 'special hours';
    return this.calendar.on(date)?.name;
  }

  /** The configured periods that begin on a date, as absolute intervals. */
  private intervalsStarting(branch: Branch, date: string): OpenInterval[] {
    const key = `${branch.id}|${date}`;
    let intervals = this.memo.get(key);
    if (!intervals) {
      // The configuration never changes while running; the cap only bounds memory over months.
      if (this.memo.size > 5000) this.memo.clear();
      intervals = this.computeIntervals(branch, date);
      this.memo.set(key, intervals);
    }
    return intervals.map((i) => ({ ...i }));
  }

  private computeIntervals(branch: Branch, date: string): OpenInterval[] {
    const exception = branch.exceptions.find((e) => e.date === date);
    if (exception) return exception.hours.map((p) => this.toInterval(date, p));
    const regular = (branch.hours[weekdayOf(date)] ?? []).map((p) => this.toInterval(date, p));
    const special = this.calendar.on(date);
    if (!special) return regular;
    const own = special.branches[branch.id];
    if (own) return own.map((p) => this.toInterval(date, p));
    if (special.all === 'closed') return [];
    // An earlier closing: keep the usual periods, cut at the special closing time.
    const cut = this.at(date, special.all.closesAt);
    return regular.filter((i) => i.start < cut).map((i) => ({ ...i, end: i.end < cut ? i.end : cut }));
  }

  private toInterval(date: string, period: OpenPeriod): OpenInterval {
    const start = this.at(date, period.opens);
    let end = this.at(date, period.closes);
    // A closing at or before the opening runs past midnight into the next day.
    if (end <= start) end = this.at(plusDays(date, 1), period.closes);
    return period.place ? { start, end, place: period.place } : { start, end };
  }

  /** A wall-clock time on a date in the library's zone ("24:00" is the next midnight). */
  private at(date: string, time: string): DateTime {
    const [hour, minute] = time.split(':').map(Number);
    if (hour === 24) return this.startOfDay(plusDays(date, 1)).plus({ minutes: minute });
    // Luxon moves a time skipped by the spring DST change forward, which is what a sign on the door means.
    return DateTime.fromISO(date, { zone: this.zone }).set({ hour, minute, second: 0, millisecond: 0 });
  }
}

// Plain calendar arithmetic on yyyy-MM-dd: no time zone is involved, and luxon costs about 25 µs a
// call here, which the hours answer paid a dozen times a turn.
function utcDate(date: string): Date {
  return new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))),
  );
}

export function plusDays(date: string, days: number): string {
  const day = utcDate(date);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

export function weekdayOf(date: string): Weekday {
  return weekdays[(utcDate(date).getUTCDay() + 6) % 7];
}

/** Joins touching or overlapping stretches so "open until 2 AM" and "open 24 hours" read as one. */
function mergeIntervals(intervals: OpenInterval[]): OpenInterval[] {
  const sorted = [...intervals].sort((a, b) => a.start.toMillis() - b.start.toMillis());
  const merged: OpenInterval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end && last.place === interval.place) {
      if (interval.end > last.end) last.end = interval.end;
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

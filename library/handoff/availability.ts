// Is a person really there? Staffed chat hours (in the library's time zone, which can differ from
// building hours) and at least one staff member present. The patron is never told someone is
// coming when nobody can.
import { DateTime } from 'luxon';
import type { OpenPeriod, WeeklyHours, Weekday } from '../../config/libraryConfig';
import { messagesFor, type Messages } from '../language/catalog';
import type { StaffPresence } from './presence';

const weekdays: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function weekdayOf(day: DateTime): Weekday {
  return weekdays[day.weekday - 1];
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

/** One staffed interval as absolute times. A period closing at or before it opens runs past midnight. */
function intervalOn(day: DateTime, period: OpenPeriod): { start: DateTime; end: DateTime } {
  const opens = minutesOf(period.opens);
  let closes = minutesOf(period.closes);
  if (closes <= opens) closes += 24 * 60;
  const midnight = day.startOf('day');
  return { start: midnight.plus({ minutes: opens }), end: midnight.plus({ minutes: closes }) };
}

export class StaffedChatHours {
  constructor(
    private readonly chatHours: WeeklyHours,
    private readonly timeZone: string,
  ) {}

  private intervalsAround(now: Date, daysAhead: number): { start: DateTime; end: DateTime }[] {
    const today = DateTime.fromJSDate(now, { zone: this.timeZone }).startOf('day');
    const intervals: { start: DateTime; end: DateTime }[] = [];
    // Yesterday too: its overnight period may still be running.
    for (let offset = -1; offset <= daysAhead; offset++) {
      const day = today.plus({ days: offset });
      for (const period of this.chatHours[weekdayOf(day)] ?? []) intervals.push(intervalOn(day, period));
    }
    return intervals.sort((a, b) => a.start.toMillis() - b.start.toMillis());
  }

  isStaffed(now: Date): boolean {
    const at = now.getTime();
    return this.intervalsAround(now, 0).some((i) => i.start.toMillis() <= at && at < i.end.toMillis());
  }

  /** When staffed chat next starts (now, when already staffed); undefined if never configured. */
  nextStaffedTime(now: Date): Date | undefined {
    const at = now.getTime();
    for (const interval of this.intervalsAround(now, 8)) {
      if (interval.end.toMillis() <= at) continue;
      return interval.start.toMillis() <= at ? now : interval.start.toJSDate();
    }
    return undefined;
  }

  /** The staffed period running now, if any: until when, and when the one after it starts. */
  currentPeriod(now: Date): { until: Date; nextStart?: Date } | undefined {
    const at = now.getTime();
    const intervals = this.intervalsAround(now, 8);
    const current = intervals
      .filter((i) => i.start.toMillis() <= at && at < i.end.toMillis())
      .sort((a, b) => b.end.toMillis() - a.end.toMillis())[0];
    if (!current) return undefined;
    const next = intervals.find((i) => i.start.toMillis() >= current.end.toMillis());
    return { until: current.end.toJSDate(), nextStart: next?.start.toJSDate() };
  }

  /** The time in the library's time zone, and how many days after today's it falls. */
  private dayOf(when: Date, now: Date): { at: DateTime; days: number } {
    const at = DateTime.fromJSDate(when, { zone: this.timeZone });
    const today = DateTime.fromJSDate(now, { zone: this.timeZone }).startOf('day');
    return { at, days: Math.round(at.startOf('day').diff(today, 'days').days) };
  }

  /** "8:00 PM today", "2:00 AM tomorrow", "5:00 PM on Monday", in the library's time zone. */
  describeUntil(when: Date, now: Date, m: Messages = messagesFor('en')): string {
    const { at, days } = this.dayOf(when, now);
    return m.handoff.staffedUntil(at, days);
  }

  /** "today at 9:00 AM", "tomorrow at 1:00 PM", "Monday at 9:00 AM", in the library's time zone. */
  describe(when: Date, now: Date, m: Messages = messagesFor('en')): string {
    const { at, days } = this.dayOf(when, now);
    return m.handoff.nextStaffed(at, days);
  }
}

export type Availability =
  | { available: true; staffPresent: number }
  | {
      available: false;
      reason: 'outside-chat-hours' | 'nobody-present';
      /** Outside chat hours: when they next begin. */
      nextStaffed?: Date;
      /** Nobody present inside chat hours: when the current period ends, and when the next begins. */
      staffedUntil?: Date;
      nextPeriod?: Date;
    };

export class StaffAvailability {
  constructor(
    private readonly hours: StaffedChatHours,
    private readonly presence: StaffPresence,
  ) {}

  async check(now: Date): Promise<Availability> {
    if (!this.hours.isStaffed(now)) {
      return { available: false, reason: 'outside-chat-hours', nextStaffed: this.hours.nextStaffedTime(now) };
    }
    const present = await this.presence.presentStaff(now);
    if (present.length === 0) {
      const period = this.hours.currentPeriod(now);
      return {
        available: false,
        reason: 'nobody-present',
        staffedUntil: period?.until,
        nextPeriod: period?.nextStart,
      };
    }
    return { available: true, staffPresent: present.length };
  }

  describeNextStaffed(when: Date, now: Date, m?: Messages): string {
    return this.hours.describe(when, now, m);
  }

  /**
   * Why nobody can come, for the patron: outside chat hours, when they start; with nobody present
   * inside them, until when chat is staffed, when next, and the library's phone number.
   */
  explainUnavailable(
    outcome: Extract<Availability, { available: false }>,
    now: Date,
    phone: string,
    m: Messages = messagesFor('en'),
  ): string {
    const nextTime = outcome.reason === 'outside-chat-hours' ? outcome.nextStaffed : outcome.nextPeriod;
    const next = nextTime && this.hours.describe(nextTime, now, m);
    if (outcome.reason === 'outside-chat-hours') return m.handoff.outsideChatHours(next);
    const until = outcome.staffedUntil && this.hours.describeUntil(outcome.staffedUntil, now, m);
    return m.handoff.nobodyPresent(phone, until, next);
  }
}

// Holidays and special days are configured by rule; this turns a rule into a calendar date for a year.
import { DateTime, type WeekdayNumbers } from 'luxon';
import type { SpecialDay, Weekday } from '../../config/libraryConfig';

/** Luxon's weekday numbers (Monday 1). */
export const weekdayNumbers: Record<Weekday, WeekdayNumbers> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

/** Lower-case, straight apostrophes dropped, punctuation to spaces: "New Year's Day" -> "new years day". */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export class SpecialDayCalendar {
  private readonly byName = new Map<string, SpecialDay>();
  private readonly cache = new Map<string, string | undefined>();

  constructor(private readonly days: readonly SpecialDay[]) {
    for (const day of days) this.byName.set(normalizeName(day.name), day);
  }

  /** The date (yyyy-MM-dd) a special day falls on in a year, or undefined (an explicit date in another year). */
  dateIn(day: SpecialDay, year: number, seen: string[] = []): string | undefined {
    const key = `${day.name}|${year}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const result = this.compute(day, year, seen);
    this.cache.set(key, result);
    return result;
  }

  private compute(day: SpecialDay, year: number, seen: string[]): string | undefined {
    const rule = day.rule;
    if ('date' in rule) return rule.date.startsWith(`${year}-`) ? rule.date : undefined;
    if ('after' in rule) {
      const base = this.byName.get(normalizeName(rule.after));
      // A rule pointing at an unknown day or at itself in a loop has no date rather than crashing.
      if (!base || seen.includes(base.name)) return undefined;
      const baseDate = this.dateIn(base, year, [...seen, day.name]);
      return baseDate ? DateTime.fromISO(baseDate).plus({ days: rule.days }).toISODate()! : undefined;
    }
    if ('day' in rule) {
      const date = DateTime.fromObject({ year, month: rule.month, day: rule.day });
      return date.isValid ? date.toISODate()! : undefined;
    }
    const target = weekdayNumbers[rule.weekday];
    if (rule.nth === -1) {
      const last = DateTime.fromObject({ year, month: rule.month }).endOf('month').startOf('day');
      return last.minus({ days: (last.weekday - target + 7) % 7 }).toISODate()!;
    }
    const first = DateTime.fromObject({ year, month: rule.month, day: 1 });
    const date = first.plus({ days: ((target - first.weekday + 7) % 7) + (rule.nth - 1) * 7 });
    return date.month === rule.month ? date.toISODate()! : undefined;
  }

  /** The special day on a date, if any. `after` rules may cross a year end, so neighbouring years count. */
  on(date: string): SpecialDay | undefined {
    const year = Number(date.slice(0, 4));
    return this.days.find((day) => [year, year - 1, year + 1].some((y) => this.dateIn(day, y) === date));
  }

  /** A special day named in free text ("thanksgiving", "Christmas Eve"), the longest matching name winning. */
  find(text: string): SpecialDay | undefined {
    const wanted = ` ${normalizeName(text)} `;
    let best: { day: SpecialDay; length: number } | undefined;
    for (const day of this.days) {
      for (const name of [day.name, ...day.aliases]) {
        const n = normalizeName(name);
        if (n && wanted.includes(` ${n} `) && (!best || n.length > best.length))
          best = { day, length: n.length };
      }
    }
    return best?.day;
  }

  /** The first date on or after `from` (yyyy-MM-dd) that the special day falls on. */
  nextDate(day: SpecialDay, from: string): string | undefined {
    const year = Number(from.slice(0, 4));
    for (const y of [year, year + 1]) {
      const date = this.dateIn(day, y);
      if (date && date >= from) return date;
    }
    // An explicit date already past is still the day the patron means.
    return 'date' in day.rule ? day.rule.date : undefined;
  }
}

// Hours in words a librarian would sign: "closes in 40 minutes", "opens tomorrow at 9:00 AM",
// "Open 24 hours", "Closed (Thanksgiving Day)"; never "12am-12am". Sentences come from the message
// catalog of the patron's language (English when the caller has no conversation).
import type { DateTime } from 'luxon';
import type { Branch } from '../../config/libraryConfig';
import { en } from '../language/catalogs/en';
import type { Messages } from '../language/catalog';
import type { Gender } from '../language/plural';
import type { DayHours, HoursStatus, OpenInterval } from './hoursService';

/** "9:00 AM", "noon", "midnight" (English): the catalog's clock. */
export function formatTime(time: DateTime, m: Messages = en): string {
  return m.dates.time(time);
}

/** Whole calendar days from `now`'s date to `target`'s (both in the library's zone), from their fields. */
function calendarDaysBetween(now: DateTime, target: DateTime): number {
  return Math.round(
    (Date.UTC(target.year, target.month - 1, target.day) - Date.UTC(now.year, now.month - 1, now.day)) /
      86_400_000,
  );
}

export function formatInterval(interval: OpenInterval, m: Messages = en): string {
  const range = `${formatTime(interval.start, m)}-${formatTime(interval.end, m)}`;
  return interval.place ? m.hours.intervalAt(range, interval.place) : range;
}

/** "today", "tomorrow", "Monday", or "Monday, December 7" further out. */
export function relativeDay(target: DateTime, now: DateTime, m: Messages = en): string {
  const days = calendarDaysBetween(now, target);
  if (days === 0) return m.dates.today;
  if (days === 1) return m.dates.tomorrow;
  if (days > 1 && days < 7) return m.dates.weekday(target);
  const text = m.dates.longDate(target);
  return target.year === now.year ? text : m.dates.withYear(text, target.year);
}

/**
 * A date in `format` ("cccc, LLL d" gives "Thursday, Nov 25"), with the year added whenever it is not
 * the current year: Thanksgiving asked about on November 29 is next year's, and must say so.
 */
export function calendarDate(date: DateTime, now: DateTime, format = 'cccc, LLL d'): string {
  return date.year === now.year ? date.toFormat(format) : date.toFormat(`${format}, yyyy`);
}

/** "Thursday, Dec 3" in the catalog's words, with the year when it is not `now`'s. */
export function calendarDateIn(m: Messages, date: DateTime, now: DateTime): string {
  const text = m.dates.calendarDate(date);
  return date.year === now.year ? text : m.dates.withYear(text, date.year);
}

/** "Mon, Dec 7" in the catalog's words, with the year when it is not `now`'s. */
export function dayLabelIn(m: Messages, date: DateTime, now: DateTime): string {
  const text = m.dates.dayLabel(date);
  return date.year === now.year ? text : m.dates.withYear(text, date.year);
}

/** A branch's grammatical gender where the language agrees with it (a library, a bookmobile). */
export function branchGender(branch: Branch): Gender {
  return branch.kind === 'bookmobile' ? 'masculine' : 'feminine';
}

/** The branch as the subject of a sentence: "Main Library", "The Bookmobile". */
export function branchSubject(branch: Branch, m: Messages = en): string {
  return branch.kind === 'bookmobile' ? m.hours.mobileSubject(branch.name) : branch.name;
}

/** A day's hours as a table cell: "9:00 AM-9:00 PM", "Open 24 hours", "Closed (Thanksgiving Day)". */
export function describeDayHours(day: DayHours, m: Messages = en): string {
  const note = day.note ? ` (${day.note})` : '';
  if (day.allDay) return m.hours.open24(note);
  if (day.closed) return m.hours.closed(note);
  return `${day.periods.map((p) => formatInterval(p, m)).join(', ')}${note}`;
}

/** A row label for a date: "Mon, Nov 30" ("Fri, Jan 1, 2027" in another year than `now`'s). */
export function dayLabel(date: DateTime, now?: DateTime, m: Messages = en): string {
  return now ? dayLabelIn(m, date, now) : m.dates.dayLabel(date);
}

/** "Main Library is open now until 9:00 PM." / "... closes in 40 minutes" / "... opens tomorrow at 9:00 AM." */
export function describeStatus(branch: Branch, status: HoursStatus, m: Messages = en): string {
  const who = branchSubject(branch, m);
  const gender = branchGender(branch);
  const { now } = status;
  if (status.open && status.current) {
    const end = status.current.end;
    const where = status.current.place ? m.hours.at(status.current.place) : '';
    if (status.today.allDay || end.diff(now, 'hours').hours >= 24) return m.hours.open24Today(who, where);
    const minutes = Math.ceil(end.diff(now, 'minutes').minutes);
    const until = untilText(end, now, m);
    if (minutes <= 60) return m.hours.openClosesIn(who, where, minutes, until, gender);
    return m.hours.openUntil(who, where, until, gender);
  }
  const closedToday =
    status.today.closed && status.today.note
      ? m.hours.closedTodayFor(who, status.today.note, gender)
      : m.hours.closedNow(who, gender);
  if (!status.next) return `${closedToday}.`;
  return `${closedToday}. ${opensText(branch, status.next, now, m)}`;
}

/** "It opens tomorrow at 9:00 AM." / "Its next stop is Thursday at 10:00 AM at Maple Senior Center." */
export function opensText(branch: Branch, next: OpenInterval, now: DateTime, m: Messages = en): string {
  const when = m.hours.dayAtTime(relativeDay(next.start, now, m), formatTime(next.start, m));
  if (branch.kind === 'bookmobile' || next.place)
    return m.hours.nextStop(when, next.place, formatTime(next.end, m));
  return m.hours.opens(when);
}

function untilText(end: DateTime, now: DateTime, m: Messages): string {
  const time = formatTime(end, m);
  if (calendarDaysBetween(now, end) === 0) return time;
  // Closing at midnight tonight is still "midnight", not "midnight tomorrow".
  if (end.hour === 0 && end.minute === 0 && calendarDaysBetween(now, end) === 1) return time;
  return m.hours.timeOnDay(time, relativeDay(end, now, m));
}

/** A day's hours without the holiday note, for sentences that name the holiday already. */
export function describeHoursOnly(day: DayHours, m: Messages = en): string {
  return describeDayHours({ ...day, note: undefined }, m);
}

/**
 * One table cell for "open now" across branches: "Open until 9:00 PM", "Closed, opens tomorrow 9:00 AM".
 * `titleNote`: a holiday the table's title names already.
 */
export function shortStatus(
  branch: Branch,
  status: HoursStatus,
  titleNote?: string,
  m: Messages = en,
): string {
  const { now } = status;
  if (status.open && status.current) {
    const where = status.current.place ? m.hours.at(status.current.place) : '';
    if (status.today.allDay || status.current.end.diff(now, 'hours').hours >= 24)
      return m.hours.shortOpen24(where);
    const minutes = Math.ceil(status.current.end.diff(now, 'minutes').minutes);
    const until = untilText(status.current.end, now, m);
    return minutes <= 60
      ? m.hours.shortClosesIn(where, minutes, until)
      : m.hours.shortOpenUntil(where, until);
  }
  // A holiday already named in the table's title is not repeated on every row.
  const note = status.today.note !== titleNote ? status.today.note : undefined;
  const why = status.today.closed && note ? ` (${note})` : '';
  if (!status.next) return m.hours.shortClosed(why);
  const when = m.hours.timeOnDay(relativeDay(status.next.start, now, m), formatTime(status.next.start, m));
  const nextStop = branch.kind === 'bookmobile' || Boolean(status.next.place);
  const where = status.next.place ? `, ${status.next.place}` : '';
  // Opening later today: the closing time too, so "what time do you close tonight?" is answered.
  const until =
    !nextStop && status.next.start.hasSame(now, 'day') ? `-${untilText(status.next.end, now, m)}` : '';
  return m.hours.shortClosedNext(why, nextStop, `${when}${until}`, where);
}

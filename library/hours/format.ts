// Hours in words a librarian would sign: "closes in 40 minutes", "opens tomorrow at 9:00 AM",
// "Open 24 hours", "Closed (Thanksgiving Day)"; never "12am-12am".
import type { DateTime } from 'luxon';
import type { Branch } from '../../config/libraryConfig';
import type { DayHours, HoursStatus, OpenInterval } from './hoursService';

/** "9:00 AM", "noon", "midnight". Built from the fields: luxon's `toFormat('h:mm a')` costs ~30 µs a call. */
export function formatTime(time: DateTime): string {
  const { hour, minute } = time;
  if (minute === 0 && hour === 0) return 'midnight';
  if (minute === 0 && hour === 12) return 'noon';
  return `${hour % 12 || 12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** Whole calendar days from `now`'s date to `target`'s (both in the library's zone), from their fields. */
function calendarDaysBetween(now: DateTime, target: DateTime): number {
  return Math.round(
    (Date.UTC(target.year, target.month - 1, target.day) - Date.UTC(now.year, now.month - 1, now.day)) /
      86_400_000,
  );
}

export function formatInterval(interval: OpenInterval): string {
  const range = `${formatTime(interval.start)}-${formatTime(interval.end)}`;
  return interval.place ? `${range} at ${interval.place}` : range;
}

/** "today", "tomorrow", "Monday", or "Monday, December 7" further out. */
export function relativeDay(target: DateTime, now: DateTime): string {
  const days = calendarDaysBetween(now, target);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 1 && days < 7) return target.toFormat('cccc');
  return calendarDate(target, now, 'cccc, MMMM d');
}

/**
 * A date in `format` ("cccc, LLL d" gives "Thursday, Nov 25"), with the year added whenever it is not
 * the current year: Thanksgiving asked about on November 29 is next year's, and must say so.
 */
export function calendarDate(date: DateTime, now: DateTime, format = 'cccc, LLL d'): string {
  return date.year === now.year ? date.toFormat(format) : date.toFormat(`${format}, yyyy`);
}

/** The branch as the subject of a sentence: "Main Library", "The Bookmobile". */
export function branchSubject(branch: Branch): string {
  return branch.kind === 'bookmobile' && !/^the /i.test(branch.name) ? `The ${branch.name}` : branch.name;
}

/** A day's hours as a table cell: "9:00 AM-9:00 PM", "Open 24 hours", "Closed (Thanksgiving Day)". */
export function describeDayHours(day: DayHours): string {
  const note = day.note ? ` (${day.note})` : '';
  if (day.allDay) return `Open 24 hours${note}`;
  if (day.closed) return `Closed${note}`;
  return `${day.periods.map(formatInterval).join(', ')}${note}`;
}

/** A row label for a date: "Mon, Nov 30" ("Fri, Jan 1, 2027" in another year than `now`'s). */
export function dayLabel(date: DateTime, now?: DateTime): string {
  return now ? calendarDate(date, now, 'ccc, LLL d') : date.toFormat('ccc, LLL d');
}

/** "Main Library is open now until 9:00 PM." / "... closes in 40 minutes" / "... opens tomorrow at 9:00 AM." */
export function describeStatus(branch: Branch, status: HoursStatus): string {
  const who = branchSubject(branch);
  const { now } = status;
  if (status.open && status.current) {
    const end = status.current.end;
    const where = status.current.place ? ` at ${status.current.place}` : '';
    if (status.today.allDay || end.diff(now, 'hours').hours >= 24) {
      return `${who} is open 24 hours today${where}.`;
    }
    const minutes = Math.ceil(end.diff(now, 'minutes').minutes);
    const until = untilText(end, now);
    if (minutes <= 60) {
      return `${who} is open now${where} and closes in ${minutes} minute${minutes === 1 ? '' : 's'} (at ${until}).`;
    }
    return `${who} is open now${where} until ${until}.`;
  }
  const closedToday =
    status.today.closed && status.today.note
      ? `${who} is closed today (${status.today.note})`
      : `${who} is closed now`;
  if (!status.next) return `${closedToday}.`;
  return `${closedToday}. ${opensText(branch, status.next, now)}`;
}

/** "It opens tomorrow at 9:00 AM." / "Its next stop is Thursday at 10:00 AM at Maple Senior Center." */
export function opensText(branch: Branch, next: OpenInterval, now: DateTime): string {
  const when = `${relativeDay(next.start, now)} at ${formatTime(next.start)}`;
  if (branch.kind === 'bookmobile' || next.place) {
    return `Its next stop is ${when}${next.place ? ` at ${next.place}` : ''}, until ${formatTime(next.end)}.`;
  }
  return `It opens ${when}.`;
}

function untilText(end: DateTime, now: DateTime): string {
  const time = formatTime(end);
  if (calendarDaysBetween(now, end) === 0) return time;
  // Closing at midnight tonight is still "midnight", not "midnight tomorrow".
  if (time === 'midnight' && calendarDaysBetween(now, end) === 1) return time;
  return `${time} ${relativeDay(end, now)}`;
}

/** A day's hours without the holiday note, for sentences that name the holiday already. */
export function describeHoursOnly(day: DayHours): string {
  return describeDayHours({ ...day, note: undefined });
}

/**
 * One table cell for "open now" across branches: "Open until 9:00 PM", "Closed, opens tomorrow 9:00 AM".
 * `titleNote`: a holiday the table's title names already.
 */
export function shortStatus(branch: Branch, status: HoursStatus, titleNote?: string): string {
  const { now } = status;
  if (status.open && status.current) {
    const where = status.current.place ? ` at ${status.current.place}` : '';
    if (status.today.allDay || status.current.end.diff(now, 'hours').hours >= 24)
      return `Open 24 hours${where}`;
    const minutes = Math.ceil(status.current.end.diff(now, 'minutes').minutes);
    const until = untilText(status.current.end, now);
    return minutes <= 60
      ? `Open${where}, closes in ${minutes} min (${until})`
      : `Open${where} until ${until}`;
  }
  // A holiday already named in the table's title is not repeated on every row.
  const note = status.today.note !== titleNote ? status.today.note : undefined;
  const why = status.today.closed && note ? ` (${note})` : '';
  if (!status.next) return `Closed${why}`;
  const when = `${relativeDay(status.next.start, now)} ${formatTime(status.next.start)}`;
  const verb = branch.kind === 'bookmobile' || status.next.place ? 'next stop' : 'opens';
  const where = status.next.place ? `, ${status.next.place}` : '';
  // Opening later today: the closing time too, so "what time do you close tonight?" is answered.
  const until =
    verb === 'opens' && status.next.start.hasSame(now, 'day') ? `-${untilText(status.next.end, now)}` : '';
  return `Closed${why}; ${verb} ${when}${until}${where}`;
}

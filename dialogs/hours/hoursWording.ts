// What the hours dialog says about a mobile branch's stops ("when is the book bus at the senior
// center") and the title of a range of days, as plain functions over the catalog and Replies.
import { DateTime } from 'luxon';
import type { Reply } from '../../channels/reply';
import type { Weekday } from '../../config/libraryConfig';
import { calendarDateIn, dayLabel, formatTime, relativeDay } from '../../library/hours/format';
import type { OpenInterval } from '../../library/hours/hoursService';
import { weekdayNumbers } from '../../library/hours/specialDays';
import type { Messages } from '../../library/language/catalog';

export interface Stop {
  weekday: Weekday;
  opens: string;
  closes: string;
  place: string;
}

/** "Thursdays, 10:00 AM-noon". */
export function stopTimes(m: Messages, stop: Stop): string {
  // Any week will do: only the weekday's name is read from it.
  const day = DateTime.fromObject({ weekYear: 2026, weekNumber: 10, weekday: weekdayNumbers[stop.weekday] });
  return m.hours.stopTimes(m.dates.weekdays(day), clock(m, stop.opens), clock(m, stop.closes));
}

/** "Thursday, Dec 3" / "today" / "tomorrow". */
function visitDay(m: Messages, visit: OpenInterval, now: DateTime): string {
  const relative = relativeDay(visit.start, now, m);
  return relative === m.dates.today || relative === m.dates.tomorrow
    ? relative
    : calendarDateIn(m, visit.start, now);
}

/** When a mobile branch is at one stop: its regular day and time, and the next visit. */
export function stopReply(
  m: Messages,
  who: string,
  place: string,
  stops: Stop[],
  next: OpenInterval | undefined,
  now: DateTime,
): Reply {
  const usually = m.hours.regularly(stops.filter((s) => s.place === place).map((s) => stopTimes(m, s)));
  if (next && next.start <= now)
    return { kind: 'text', text: m.hours.atStopNow(who, place, formatTime(next.end, m), usually) };
  const nextText = next
    ? m.hours.nextVisit(visitDay(m, next, now), formatTime(next.start, m), formatTime(next.end, m))
    : m.hours.noVisit;
  return { kind: 'text', text: m.hours.stopsAt(who, place, usually, nextText) };
}

/** On one day: at that stop, elsewhere, or not out at all. */
export function stopOnDayReply(
  m: Messages,
  who: string,
  place: string,
  when: string,
  periods: OpenInterval[],
  stops: Stop[],
): Reply {
  const there = periods.find((p) => p.place === place);
  if (there)
    return {
      kind: 'text',
      text: m.hours.atStopOnDay(who, place, when, formatTime(there.start, m), formatTime(there.end, m)),
    };
  const elsewhere = periods
    .map((p) => m.hours.elsewhereItem(p.place ?? m.hours.out, formatTime(p.start, m), formatTime(p.end, m)))
    .join(', ');
  const regular = stops.filter((s) => s.place === place).map((s) => stopTimes(m, s));
  return { kind: 'text', text: m.hours.notAtStop(who, place, when, elsewhere, regular) };
}

/** "The Bookmobile has no stops tomorrow (Wednesday, Dec 2)." */
export function noStopText(m: Messages, who: string, when: string, why: string): string {
  return m.hours.noStops(who, when, why);
}

/** Every stop of a mobile branch through the week, with where it is now or next. */
export function scheduleReply(m: Messages, who: string, stops: Stop[], status: string): Reply {
  return {
    kind: 'table',
    title: m.hours.stopsTitle(who),
    rows: stops.map((stop) => ({ label: stop.place, value: stopTimes(m, stop) })),
    footer: status,
  };
}

/** "for the next 7 days", "through Sun, Dec 6", "from Mon, Dec 7": what a table of days covers. */
export function rangeTitle(
  m: Messages,
  start: DateTime,
  end: DateTime,
  days: number,
  today: boolean,
  now: DateTime,
): string {
  if (!today) return m.hours.fromDay(dayLabel(start, now, m));
  return days === 7 ? m.hours.nextSevenDays : m.hours.throughDay(dayLabel(end, now, m));
}

/** A configured "HH:mm" as the catalog says times ("24:00" is midnight). */
function clock(m: Messages, time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  return m.dates.time(DateTime.fromObject({ hour: hour % 24, minute }));
}

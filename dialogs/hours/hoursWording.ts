// What the hours dialog says about a mobile branch's stops ("when is the book bus at the senior
// center") and the title of a range of days, as plain functions over strings and Replies.
import type { DateTime } from 'luxon';
import type { Reply } from '../../channels/reply';
import type { Weekday } from '../../config/libraryConfig';
import { calendarDate, dayLabel, formatTime, relativeDay } from '../../library/hours/format';
import type { OpenInterval } from '../../library/hours/hoursService';

export interface Stop {
  weekday: Weekday;
  opens: string;
  closes: string;
  place: string;
}

/** "Thursdays, 10:00 AM-noon". */
export function stopTimes(stop: Stop): string {
  return `${capitalize(stop.weekday)}s, ${clock(stop.opens)}-${clock(stop.closes)}`;
}

/** "Thursday, Dec 3" / "today" / "tomorrow". */
function visitDay(visit: OpenInterval, now: DateTime): string {
  const relative = relativeDay(visit.start, now);
  return relative === 'today' || relative === 'tomorrow' ? relative : calendarDate(visit.start, now);
}

/** When a mobile branch is at one stop: its regular day and time, and the next visit. */
export function stopReply(
  who: string,
  place: string,
  stops: Stop[],
  next: OpenInterval | undefined,
  now: DateTime,
): Reply {
  const regular = stops.filter((s) => s.place === place).map(stopTimes);
  const usually = regular.length ? ` on ${regular.join(' and ')}` : '';
  if (next && next.start <= now)
    return {
      kind: 'text',
      text: `${who} is at ${place} now, until ${formatTime(next.end)}. It stops there${usually}.`,
    };
  const nextText = next
    ? ` Next visit: ${visitDay(next, now)}, ${formatTime(next.start)}-${formatTime(next.end)}.`
    : ' It has no visit there in the coming weeks.';
  return { kind: 'text', text: `${who} stops at ${place}${usually}.${nextText}` };
}

/** On one day: at that stop, elsewhere, or not out at all. */
export function stopOnDayReply(
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
      text: `Yes: ${who} is at ${place} ${when}, ${formatTime(there.start)}-${formatTime(there.end)}.`,
    };
  const elsewhere = periods
    .map((p) => `${p.place ?? 'out'} ${formatTime(p.start)}-${formatTime(p.end)}`)
    .join(', ');
  const regular = stops.filter((s) => s.place === place).map(stopTimes);
  const usually = regular.length ? ` It stops at ${place} on ${regular.join(' and ')}.` : '';
  return {
    kind: 'text',
    text: `${who} isn't at ${place} ${when}${elsewhere ? ` (it's at ${elsewhere})` : ''}.${usually}`,
  };
}

/** "The Bookmobile has no stops tomorrow (Wednesday, Dec 2)." */
export function noStopText(who: string, when: string, why: string): string {
  return `${who} has no stops ${when}${why}.`;
}

/** Every stop of a mobile branch through the week, with where it is now or next. */
export function scheduleReply(who: string, stops: Stop[], status: string): Reply {
  return {
    kind: 'table',
    title: `${who} stops`,
    rows: stops.map((stop) => ({ label: stop.place, value: stopTimes(stop) })),
    footer: status,
  };
}

/** "for the next 7 days", "through Sun, Dec 6", "from Mon, Dec 7": what a table of days covers. */
export function rangeTitle(
  start: DateTime,
  end: DateTime,
  days: number,
  today: boolean,
  now: DateTime,
): string {
  if (!today) return `from ${dayLabel(start, now)}`;
  return days === 7 ? 'for the next 7 days' : `through ${dayLabel(end, now)}`;
}

function clock(time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  if (hour === 12 && minute === 0) return 'noon';
  if ((hour === 0 || hour === 24) && minute === 0) return 'midnight';
  const h = hour % 12 || 12;
  return `${h}:${String(minute).padStart(2, '0')} ${hour < 12 || hour === 24 ? 'AM' : 'PM'}`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

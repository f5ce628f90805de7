// Dates and times in the library's time zone. Everyday words (today, tonight, tomorrow, weekdays,
// this weekend, next week) and the library's own holidays are resolved here, fast; anything else
// that looks like a date ("Dec 24", "the 3rd", "at 6pm on the 14th") goes to Microsoft's
// recognizers-text, which costs about 10 ms, so it only runs when a message needs it.
import { DateTimeOptions, DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import { DateTime } from 'luxon';
import type { SpecialDay } from '../../config/libraryConfig';
import type { DateMention } from '../libraryRecognition';
import { normalizeText } from '../normalize';
import { escapeRegExp } from './topics';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTHS =
  /\b(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)\b/;
const MONTH_NAMES = MONTHS.source.slice(3, -3);
const MONTH_DAY = new RegExp(`\\b(${MONTH_NAMES}) (\\d{1,2})(?:st|nd|rd|th)?\\b(?! ?(?:am|pm|:))`);
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH_NAMES})\\b`);
const NEEDS_FULL_RECOGNIZER = new RegExp(
  [
    // A month name alone ("in december"), except the words "may" and "march", which are usually verbs.
    MONTHS.source.replace('|may|', '|').replace('|mar|march|', '|mar|'),
    /\bmay \d|\bmarch \d/.source,
    /\b\d{1,2}(st|nd|rd|th)\b/.source,
    /\b\d{1,2}\/\d{1,2}(\/\d{2,4})?\b/.source,
    /\bin \d+ (days|weeks)\b/.source,
    /\b\d{4}-\d{2}-\d{2}\b/.source,
  ].join('|'),
);

type ModelParse = ReturnType<DateTimeRecognizer['getDateTimeModel']>;
let sharedModel: ModelParse | undefined;
/** Loading Microsoft's model takes about half a second: once per process, on first need or at startup. */
export function dateTimeModel(): ModelParse {
  sharedModel ??= new DateTimeRecognizer('en-us', DateTimeOptions.None).getDateTimeModel();
  return sharedModel;
}

export type DateExtractor = (normalizedText: string, now: Date) => DateMention | undefined;

// toISODate gives the same text at a fraction of toFormat's cost (it parses its pattern on every call).
const iso = (d: DateTime) => d.toISODate() as string;

/** The date a special day's rule gives in a year, or undefined when the rule cannot be resolved. */
export function specialDayDate(
  day: SpecialDay,
  year: number,
  all: SpecialDay[],
  zone: string,
  depth = 0,
): DateTime | undefined {
  const rule = day.rule;
  if ('date' in rule) return DateTime.fromISO(rule.date, { zone });
  if ('after' in rule) {
    const base = all.find((d) => d.name === rule.after);
    if (!base || depth > 5) return undefined;
    return specialDayDate(base, year, all, zone, depth + 1)?.plus({ days: rule.days });
  }
  if ('day' in rule) return DateTime.fromObject({ year, month: rule.month, day: rule.day }, { zone });
  const weekday = WEEKDAYS.indexOf(rule.weekday) + 1;
  if (rule.nth > 0) {
    const first = DateTime.fromObject({ year, month: rule.month, day: 1 }, { zone });
    const offset = (weekday - first.weekday + 7) % 7;
    const date = first.plus({ days: offset + 7 * (rule.nth - 1) });
    return date.month === rule.month ? date : undefined;
  }
  const last = DateTime.fromObject({ year, month: rule.month, day: 1 }, { zone })
    .endOf('month')
    .startOf('day');
  return last.minus({ days: (last.weekday - weekday + 7) % 7 });
}

function parseClock(hour: number, minute: number, meridiem: string | undefined): string | undefined {
  let h = hour;
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    if (meridiem.startsWith('p') && h < 12) h += 12;
    if (meridiem.startsWith('a') && h === 12) h = 0;
  }
  if (h > 23 || minute > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** "at 6", "6pm", "6:30 pm", "noon": a time of day when one is clearly said. */
function findTime(text: string): string | undefined {
  if (/\bnoon\b|\bmidday\b/.test(text)) return '12:00';
  const m =
    /\b(\d{1,2})(?::(\d{2}))?\s*(am|pm|a m|p m)\b/.exec(text) ??
    /\bat (\d{1,2})(?::(\d{2}))?\b(?!\s*(?:year|yr|days?|weeks?))/.exec(text);
  if (!m) return undefined;
  const hour = Number(m[1]);
  // "at 6" with no am/pm: library hours are daytime, so 1-7 means afternoon or evening.
  const meridiem = m[3] ?? (hour >= 1 && hour <= 7 ? 'pm' : undefined);
  return parseClock(hour, Number(m[2] ?? 0), meridiem);
}

export function createDateExtractor(timeZone: string, specialDays: SpecialDay[] = []): DateExtractor {
  const holidayPhrases = specialDays
    .flatMap((day) =>
      [day.name, ...day.aliases].map((phrase) => ({ day, phrase: normalizeText(phrase).text })),
    )
    .filter((h) => h.phrase.length > 0)
    .sort((a, b) => b.phrase.length - a.phrase.length)
    .map((h) => ({ ...h, pattern: new RegExp(`(^| )${escapeRegExp(h.phrase)}( |$)`) }));

  // The library's "now" and "today" for a message: zone arithmetic is most of this reader's cost, and
  // within one minute the answer is the same, so it is worked out once a minute.
  let clock: { minute: number; local: DateTime; today: DateTime } | undefined;
  const localNow = (now: Date) => {
    const minute = Math.floor(now.getTime() / 60000);
    if (clock?.minute !== minute) {
      const local = DateTime.fromJSDate(now, { zone: timeZone });
      clock = { minute, local, today: local.startOf('day') };
    }
    return clock;
  };

  const extract: DateExtractor = (text: string, now: Date) => {
    const range = dateRange(text, now);
    if (range) return range;
    return single(text, now);
  };

  /** "this month", "next month", "over the holidays", "before christmas", "until the 15th". */
  const dateRange = (text: string, now: Date): DateMention | undefined => {
    const { today } = localNow(now);
    const range = (said: string, start: DateTime, end: DateTime): DateMention => ({
      text: said,
      start: iso(start),
      end: iso(end),
    });
    let m: RegExpExecArray | null;
    if ((m = /\b(this|next|the coming) month\b/.exec(text))) {
      if (m[1] === 'this') return range(m[0], today, today.endOf('month'));
      const first = today.plus({ months: 1 }).startOf('month');
      return range(m[0], first, first.endOf('month'));
    }
    if ((m = HOLIDAY_SEASON.exec(text))) {
      // The school winter break: December 20 to January 3, from today when it has begun.
      const year = today.month === 1 && today.day <= 3 ? today.year - 1 : today.year;
      const start = DateTime.fromObject({ year, month: 12, day: 20 }, { zone: timeZone });
      const end = DateTime.fromObject({ year: year + 1, month: 1, day: 3 }, { zone: timeZone });
      return range(m[0].trim(), start > today ? start : today, end);
    }
    if ((m = /\b(before|until|till|til|through)\s+(.+)$/.exec(text))) {
      const target = single(m[2], now);
      if (!target || target.start <= iso(today) || /^\d/.test(target.text)) return undefined;
      const last =
        m[1] === 'before'
          ? DateTime.fromISO(target.start, { zone: timeZone }).minus({ days: 1 })
          : DateTime.fromISO(target.start, { zone: timeZone });
      return range(`${m[1]} ${target.text}`, today, last);
    }
    return undefined;
  };

  const single: DateExtractor = (text: string, now: Date) => {
    const { local, today } = localNow(now);
    const time = findTime(text);
    const mention = (
      said: string,
      start: DateTime,
      end: DateTime = start,
      extra: Partial<DateMention> = {},
    ): DateMention => ({
      text: said,
      start: iso(start),
      end: iso(end),
      ...(time ? { time } : {}),
      ...extra,
    });

    for (const { day, phrase, pattern } of holidayPhrases) {
      if (!pattern.test(text)) continue;
      for (const year of [today.year, today.year + 1]) {
        const date = specialDayDate(day, year, specialDays, timeZone);
        if (date && date >= today) return mention(phrase, date, date, { holiday: day.name });
      }
    }

    let m: RegExpExecArray | null;
    if ((m = /\b(tonight|this evening)\b/.exec(text)))
      return mention(m[1], today, today, { time: time ?? '20:00' });
    if ((m = /\bday after tomorrow\b/.exec(text))) return mention(m[0], today.plus({ days: 2 }));
    if ((m = /\btomorrow( morning| afternoon| evening| night)?\b/.exec(text)))
      return mention(m[0], today.plus({ days: 1 }));
    if ((m = /\b(today|this morning|this afternoon|right now)\b/.exec(text))) {
      return m[1] === 'right now'
        ? mention(m[1], today, today, { time: time ?? local.toFormat('HH:mm') })
        : mention(m[1], today);
    }
    if ((m = /\b(this|next|coming)? ?weekend\b/.exec(text))) {
      // Saturday and Sunday of this week (only Sunday left on a Sunday); "next weekend" is the one after.
      const saturday = today.plus({ days: (6 - today.weekday + 7) % 7 });
      const thisWeekend =
        today.weekday === 7
          ? { start: today, end: today }
          : { start: saturday, end: saturday.plus({ days: 1 }) };
      if (m[1] === 'next') {
        const nextSaturday = today.weekday === 7 ? today.plus({ days: 6 }) : saturday.plus({ days: 7 });
        return mention(m[0], nextSaturday, nextSaturday.plus({ days: 1 }));
      }
      return mention(m[0].trim(), thisWeekend.start, thisWeekend.end);
    }
    if ((m = /\b(this|next) week\b/.exec(text))) {
      const monday = today.minus({ days: today.weekday - 1 });
      return m[1] === 'next'
        ? mention(m[0], monday.plus({ days: 7 }), monday.plus({ days: 13 }))
        : // Late in the week ("this week" asked on a Saturday or Sunday) patrons mean the days ahead.
          mention(m[0], today, today.weekday >= 6 ? today.plus({ days: 6 }) : monday.plus({ days: 6 }));
    }
    const calendar = calendarDate(text, today);
    if (calendar) return mention(calendar.text, calendar.date);
    if (!NEEDS_FULL_RECOGNIZER.test(text)) {
      if (
        (m =
          /\b(?:(this|next|coming|on) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/.exec(
            text,
          ))
      ) {
        const weekday = WEEKDAYS.indexOf(m[2]) + 1;
        let date = today.plus({ days: (weekday - today.weekday + 7) % 7 });
        // "next friday" is Friday of next week, as Microsoft's recognizer reads it.
        if (m[1] === 'next') date = today.minus({ days: today.weekday - 1 }).plus({ days: 7 + weekday - 1 });
        return mention(m[0], date);
      }
      if (time) return mention(time, today);
      if ((m = /\b(now|open now)\b/.exec(text)))
        return mention('now', today, today, { time: local.toFormat('HH:mm') });
      return undefined;
    }
    return fullRecognizer(text, local, today, time);
  };
  return extract;
}

/** The holiday season as patrons say it; the configured holidays themselves are single days. */
const HOLIDAY_SEASON =
  /\b(over |during |for )?(the )?(holidays|holiday season|holiday break|christmas break|christmas holidays|winter break|xmas break|christmas vacation|winter vacation)\b/;

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** "Dec 24", "december 24th", "24th of december", "12/24": the next such date from today. */
function calendarDate(text: string, today: DateTime): { text: string; date: DateTime } | undefined {
  let month: number | undefined;
  let day: number | undefined;
  let m = MONTH_DAY.exec(text);
  if (m) [month, day] = [MONTH_NUMBERS[m[1]], Number(m[2])];
  else if ((m = DAY_MONTH.exec(text))) {
    [month, day] = [MONTH_NUMBERS[m[2]], Number(m[1])];
  } else if ((m = /\b(\d{1,2})\/(\d{1,2})\b(?!\/)/.exec(text))) [month, day] = [Number(m[1]), Number(m[2])];
  else if (
    (m = /\bthe (\d{1,2})(?:st|nd|rd|th)\b(?! (?:of|century|grade|birthday|time|floor|street|ave))/.exec(
      text,
    ))
  ) {
    // "the 12th": this month's, or next month's once it has passed.
    day = Number(m[1]);
    month = Number(m[1]) >= today.day ? today.month : (today.month % 12) + 1;
  }
  if (!m || month === undefined || day === undefined) return undefined;
  let date = DateTime.fromObject({ year: today.year, month, day }, { zone: today.zone });
  if (!date.isValid) return undefined;
  if (date < today) date = date.plus({ years: 1 });
  return { text: m[0], date };
}

/** Words that make a mention open-ended ("after easter", "before may"). */
const OPEN_ENDED = /\b(after|before|since|until|till|from)\b/g;

/**
 * Microsoft's recognizer throws on some open-ended mentions ("after easter in early april": a
 * TypeError inside its merged parser); read without those words the mention's date is still found,
 * and when even that fails the message is read with no date rather than failing the patron's turn.
 */
function parseDates(text: string, reference: Date): ReturnType<ModelParse['parse']> {
  try {
    return dateTimeModel().parse(text, reference);
  } catch {
    try {
      return dateTimeModel().parse(text.replace(OPEN_ENDED, ' '), reference);
    } catch {
      return [];
    }
  }
}

/** Microsoft's recognizer, reading the library's wall-clock time as its reference. */
function fullRecognizer(
  text: string,
  local: DateTime,
  today: DateTime,
  time: string | undefined,
): DateMention | undefined {
  // The recognizer reads a Date's local fields: give it one whose local fields are the library's clock.
  const reference = new Date(local.year, local.month - 1, local.day, local.hour, local.minute);
  for (const result of parseDates(text, reference)) {
    const values = (result.resolution?.values ?? []) as {
      type: string;
      value?: string;
      start?: string;
      end?: string;
    }[];
    // A value it could not resolve reads "not resolved" ("easter in early april"): no date at all.
    const usable = values.filter(
      (v) =>
        /^(date|datetime|daterange|datetimerange|time)$/.test(v.type) &&
        /^(\d{4}-\d\d-\d\d|\d\d:\d\d)/.test(v.value ?? v.start ?? ''),
    );
    if (usable.length === 0) continue;
    // Ambiguous dates ("Dec 24") come with a past and a future reading: take the first not past.
    const first =
      usable.find((v) => (v.value ?? v.start ?? '').slice(0, 10) >= today.toFormat('yyyy-MM-dd')) ??
      usable[usable.length - 1];
    const startText = first.value ?? first.start ?? '';
    if (first.type === 'time') {
      return {
        text: result.text,
        start: today.toFormat('yyyy-MM-dd'),
        end: today.toFormat('yyyy-MM-dd'),
        time: startText.slice(0, 5),
      };
    }
    const start = startText.slice(0, 10);
    // Microsoft's ranges end the day after (exclusive); ours are inclusive.
    let end = (first.end ?? startText).slice(0, 10);
    if (first.type === 'daterange' && end > start)
      end = DateTime.fromISO(end).minus({ days: 1 }).toFormat('yyyy-MM-dd');
    const clock =
      /^(datetime|datetimerange)$/.test(first.type) && startText.length >= 16
        ? startText.slice(11, 16)
        : time;
    return { text: result.text, start, end, ...(clock ? { time: clock } : {}) };
  }
  return time
    ? { text: time, start: today.toFormat('yyyy-MM-dd'), end: today.toFormat('yyyy-MM-dd'), time }
    : undefined;
}

// Reads an iCalendar feed (RFC 5545) with ical.js and expands its repeating events into occurrences:
// RRULE, EXDATE and moved or changed occurrences (RECURRENCE-ID), each in its TZID's zone.
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { Branch } from '../../config/libraryConfig';
import { readCategories, type Program } from './program';

/** A feed that could not be read at all; one bad event is skipped instead. */
export class FeedFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedFormatError';
  }
}

/** Guards against a rule without an end that never reaches the window (a feed mistake). */
const maxOccurrencesPerEvent = 5000;

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalEvent = InstanceType<typeof ICAL.Event>;
type IcalComponent = InstanceType<typeof ICAL.Component>;

interface Expansion {
  iterator: ReturnType<IcalEvent['iterator']>;
  /** Occurrences before this wall-clock key were skipped, not kept. */
  firstKey: number;
  reachedKey: number;
  done: boolean;
  count: number;
  programs: Program[];
}

export class ProgramCalendar {
  private readonly events: IcalEvent[];
  private readonly timezones = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  private readonly expansions = new Map<IcalEvent, Expansion>();
  private readonly validZones = new Map<string, boolean>();

  /**
   * @param text the feed's iCalendar text
   * @param defaultZone the library's zone, for floating times (no TZID, no Z)
   * @param branches to recognise which branch an event's LOCATION names
   */
  constructor(
    text: string,
    private readonly defaultZone: string,
    private readonly branches: readonly Branch[],
  ) {
    let root: IcalComponent;
    try {
      root = new ICAL.Component(ICAL.parse(text));
    } catch (error) {
      throw new FeedFormatError(`not an iCalendar feed: ${(error as Error).message}`);
    }
    if (root.name !== 'vcalendar') throw new FeedFormatError('not an iCalendar feed: no VCALENDAR');
    for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
      const tzid = vtimezone.getFirstPropertyValue('tzid');
      if (typeof tzid === 'string') this.timezones.set(tzid, new ICAL.Timezone(vtimezone));
    }
    const masters = new Map<string, IcalEvent>();
    const exceptions: IcalComponent[] = [];
    for (const vevent of root.getAllSubcomponents('vevent')) {
      if (vevent.hasProperty('recurrence-id')) exceptions.push(vevent);
      else {
        const event = new ICAL.Event(vevent);
        if (event.uid && event.startDate) masters.set(event.uid, event);
      }
    }
    for (const exception of exceptions) {
      masters.get(String(exception.getFirstPropertyValue('uid')))?.relateException(exception);
    }
    this.events = [...masters.values()];
  }

  get eventCount(): number {
    return this.events.length;
  }

  /** Expands each repeating event up to `to`, one event at a time, letting other work run in between. */
  async expandGradually(from: DateTime, to: DateTime): Promise<void> {
    const windows = new Map<string, { earliest: number; latest: number }>();
    for (const event of this.events) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (event.isRecurring()) this.expand(event, from, to, windows);
    }
  }

  /** Every event's CATEGORIES, lower case, once each (age ranges left out). */
  get categories(): string[] {
    const all = this.events.flatMap((event) =>
      event.component
        .getAllProperties('categories')
        .flatMap((p) => p.getValues())
        .map((v) => String(v).trim().toLowerCase()),
    );
    return [...new Set(all)].filter((c) => c && !/^ages?\b|^all ages$/.test(c));
  }

  /** Every event's title (SUMMARY), as written. */
  get titles(): string[] {
    return this.events.map((event) => event.summary).filter((title): title is string => Boolean(title));
  }

  /** Every occurrence overlapping [from, to), in start order. */
  occurrences(from: DateTime, to: DateTime): Program[] {
    const result: Program[] = [];
    // The window's bounds in each event zone, computed once per question rather than once per event.
    const windows = new Map<string, { earliest: number; latest: number }>();
    for (const event of this.events) {
      if (!event.isRecurring()) {
        const program = this.toProgram(event, event.startDate, event.endDate);
        if (program && program.end > from && program.start < to) result.push(program);
        continue;
      }
      for (const program of this.expand(event, from, to, windows)) {
        if (program.end > from && program.start < to) result.push(program);
      }
    }
    return result.sort((a, b) => a.start.toMillis() - b.start.toMillis());
  }

  /**
   * A repeating event's occurrences around [from, to). ical.js is slow on monthly rules (about a
   * millisecond an occurrence), so each event keeps its iterator and the occurrences found so far and
   * later questions (which move forward with time) only expand what is new.
   */
  private expand(
    event: IcalEvent,
    from: DateTime,
    to: DateTime,
    windows: Map<string, { earliest: number; latest: number }>,
  ): Program[] {
    // Recurrence dates are compared as wall-clock numbers in the event's own zone (cheap), with a
    // month's margin because a moved occurrence can land in the window from a date outside it.
    const eventZone = this.zoneOf(event.component, 'dtstart');
    let window = windows.get(eventZone);
    if (!window) {
      window = {
        earliest: wallClockKey(from.minus({ days: 31 }).setZone(eventZone)),
        latest: wallClockKey(to.plus({ days: 31 }).setZone(eventZone)),
      };
      windows.set(eventZone, window);
    }
    const { earliest, latest } = window;
    let cache = this.expansions.get(event);
    if (!cache || earliest < cache.firstKey) {
      cache = {
        iterator: event.iterator(),
        firstKey: earliest,
        reachedKey: 0,
        done: false,
        count: 0,
        programs: [],
      };
      this.expansions.set(event, cache);
    }
    while (!cache.done && cache.reachedKey <= latest) {
      const next = cache.iterator.next();
      if (!next || ++cache.count > maxOccurrencesPerEvent) {
        cache.done = true;
        break;
      }
      const key = wallClockKey(next);
      cache.reachedKey = key;
      if (key < cache.firstKey) continue;
      const details = event.getOccurrenceDetails(next);
      const program = this.toProgram(details.item, details.startDate, details.endDate);
      if (program) cache.programs.push(program);
    }
    return cache.programs;
  }

  private toProgram(
    item: IcalEvent,
    startTime: IcalTime,
    endTime: IcalTime | undefined,
  ): Program | undefined {
    const component = item.component;
    const start = this.toDateTime(startTime, component, 'dtstart');
    const end = endTime
      ? this.toDateTime(endTime, component, component.hasProperty('dtend') ? 'dtend' : 'dtstart')
      : start;
    if (!start.isValid || !end.isValid) return undefined;
    const categories = component
      .getAllProperties('categories')
      .flatMap((p) => p.getValues())
      .map((v) => String(v));
    const location = item.location ?? '';
    const url = component.getFirstPropertyValue('url');
    const program: Program = {
      id: `${item.uid}@${start.toUTC().toISO()}`,
      uid: item.uid,
      title: item.summary ?? 'Program',
      start,
      end: end > start ? end : start,
      allDay: startTime.isDate,
      location,
      description: (item.description ?? '').trim(),
      ...readCategories(categories, item.description ?? ''),
    };
    const branchId = this.branchFor(location);
    if (branchId) program.branchId = branchId;
    if (typeof url === 'string' && /^https?:\/\//.test(url)) program.registrationUrl = url;
    const titles = titlesByLanguage(component);
    if (titles) program.titles = titles;
    return program;
  }

  /** An ical.js time as an instant in the zone its TZID names (IANA, or the feed's own VTIMEZONE). */
  private toDateTime(time: IcalTime, component: IcalComponent, propertyName: string): DateTime {
    const fields = {
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.isDate ? 0 : time.hour,
      minute: time.isDate ? 0 : time.minute,
      second: time.isDate ? 0 : time.second,
    };
    if (time.zone?.tzid === 'UTC')
      return DateTime.fromObject(fields, { zone: 'utc' }).setZone(this.defaultZone);
    const zoneName = this.tzidOf(component, propertyName);
    if (zoneName) {
      const local = DateTime.fromObject(fields, { zone: zoneName });
      if (local.isValid) return local.setZone(this.defaultZone);
      const vtimezone = this.timezones.get(zoneName);
      if (vtimezone) {
        // A non-IANA TZID ("Central Standard Time"): let the feed's VTIMEZONE say the offset.
        const zoned = time.clone();
        zoned.zone = vtimezone;
        return DateTime.fromSeconds(zoned.toUnixTime(), { zone: this.defaultZone });
      }
    }
    // Floating time (or an unknown zone): the library's own wall clock.
    return DateTime.fromObject(fields, { zone: this.defaultZone });
  }

  private tzidOf(component: IcalComponent, propertyName: string): string | undefined {
    const tzid = component.getFirstProperty(propertyName)?.getParameter('tzid');
    return typeof tzid === 'string' ? tzid : undefined;
  }

  /** The IANA zone an event's times are in, for comparing its recurrence dates with the window. */
  private zoneOf(component: IcalComponent, propertyName: string): string {
    const start = component.getFirstPropertyValue(propertyName) as IcalTime | null;
    if (start?.zone?.tzid === 'UTC') return 'utc';
    const tzid = this.tzidOf(component, propertyName);
    if (!tzid) return this.defaultZone;
    // Checking a zone builds a DateTime in it; asked for every event of every question, so remembered.
    let valid = this.validZones.get(tzid);
    if (valid === undefined) {
      valid = DateTime.local().setZone(tzid).isValid;
      this.validZones.set(tzid, valid);
    }
    return valid ? tzid : this.defaultZone;
  }

  private branchFor(location: string): string | undefined {
    const text = location.toLowerCase();
    let best: { id: string; length: number } | undefined;
    for (const branch of this.branches) {
      for (const name of [branch.name, ...branch.aliases]) {
        const n = name.toLowerCase();
        if (
          new RegExp(`(^|[^a-z])${escapeRegExp(n)}([^a-z]|$)`).test(text) &&
          (!best || n.length > best.length)
        ) {
          best = { id: branch.id, length: n.length };
        }
      }
    }
    return best?.id;
  }
}

/** yyyyMMddHHmm as one number, for ordering wall-clock times in one zone. */
function wallClockKey(time: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}): number {
  return (((time.year * 100 + time.month) * 100 + time.day) * 100 + time.hour) * 100 + time.minute;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `X-LIBRARY-TITLE;LANGUAGE=es:Hora del cuento`: the title in another language, by primary code. */
function titlesByLanguage(component: IcalComponent): Record<string, string> | undefined {
  const titles: Record<string, string> = {};
  for (const property of component.getAllProperties('x-library-title')) {
    const language = property.getParameter('language');
    const title = String(property.getFirstValue() ?? '').trim();
    const code = typeof language === 'string' ? language.toLowerCase().split('-')[0] : '';
    if (code && title) titles[code] = title;
  }
  return Object.keys(titles).length ? titles : undefined;
}

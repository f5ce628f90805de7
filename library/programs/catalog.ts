// All the library's programs from its feeds, for a date range, without the ones on days a branch is closed.
import { DateTime } from 'luxon';
import type { Branch } from '../../config/libraryConfig';
import type { FeedSource } from './feeds';
import { GENERIC_TITLE_WORDS } from './genericTitleWords';
import { ProgramCalendar } from './icalendar';
import type { Program } from './program';

/** Title words that name no program on their own. */
const GENERIC_WORDS = new Set(GENERIC_TITLE_WORDS);

/** Feed categories that are everyday words too: they name no program on their own. */
const COMMON_CATEGORIES = new Set(
  'kids teens adults seniors families toddlers art reading writing health history education finance language games movies mystery technology careers gardening cooking crafts volunteering homework'.split(
    ' ',
  ),
);

/** Two or more words of a title in a row, one of them a real name ("movie matinee", "card making"), padded with spaces. */
function titlePhrases(title: string): string[] {
  const run = words(title);
  const phrases: string[] = [];
  for (let from = 0; from < run.length; from++)
    for (let to = from + 2; to <= run.length; to++) {
      const part = run.slice(from, to);
      if (part.some((w) => w.length >= 4 && !GENERIC_WORDS.has(w))) phrases.push(` ${part.join(' ')} `);
    }
  return phrases;
}

/** Everything that names a program of a calendar: its titles' phrases and its own topics ("ESL", "Lego"). */
function namingPhrases(calendar: ProgramCalendar): string[] {
  const topics = calendar.categories.filter((c) => !COMMON_CATEGORIES.has(c)).map((c) => ` ${c} `);
  return [...new Set([...topics, ...calendar.titles.flatMap(titlePhrases)])];
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** No program feed could be read and none was read before. */
export class ProgramsUnavailableError extends Error {
  constructor() {
    super('no program feed could be read');
    this.name = 'ProgramsUnavailableError';
  }
}

export interface ProgramCatalogOptions {
  sources: readonly FeedSource[];
  zone: string;
  branches: readonly Branch[];
  /** True when a branch is closed all day for a holiday or exception: its programs that day are off. */
  isClosedDay?: (branchId: string, date: string) => boolean;
  /** Told when a feed cannot be read or parsed; the other feeds still answer. */
  onFeedError?: (feed: string, error: Error) => void;
}

export class ProgramCatalog {
  private readonly parsed = new Map<
    FeedSource,
    { text: string; calendar: ProgramCalendar; naming?: string[] }
  >();

  constructor(private readonly options: ProgramCatalogOptions) {}

  /** Reads and expands the feeds ahead of the first question (expansion is slow the first time, up to a second). */
  async prepare(at: Date = new Date(), days = 60): Promise<void> {
    const from = DateTime.fromJSDate(at, { zone: this.options.zone });
    // A warm-up never fails: feed problems are reported through onFeedError (calendar() never throws)
    // and retried on the next question. One repeating event at a time, yielding in between: expanding
    // them all in one go kept the event loop busy for a second or more after startup, and every
    // patron's turn waited behind it.
    const calendars = await Promise.all(this.options.sources.map((source) => this.calendar(source)));
    for (const calendar of calendars) await calendar?.expandGradually(from, from.plus({ days }));
  }

  /** Programs overlapping [from, to), in start order. */
  async between(from: DateTime, to: DateTime): Promise<Program[]> {
    const calendars = await Promise.all(this.options.sources.map((source) => this.calendar(source)));
    // "No programs" would be wrong when no feed could be read at all: say so instead.
    if (calendars.length > 0 && calendars.every((c) => c === undefined)) throw new ProgramsUnavailableError();
    const programs = calendars.flatMap((calendar) => calendar?.occurrences(from, to) ?? []);
    const isClosedDay = this.options.isClosedDay;
    return programs
      .filter((p) => !(isClosedDay && p.branchId && isClosedDay(p.branchId, p.start.toISODate()!)))
      .sort((a, b) => a.start.toMillis() - b.start.toMillis());
  }

  /**
   * Whether a message names a program by its title, or two or more words of it in a row ("movie
   * matinee", "teen advisory board", "card making"), from the feeds read so far. Synchronous, for
   * routing a message before the recognizer's answer is trusted.
   */
  namesProgram(text: string): boolean {
    const said = ` ${words(text).join(' ')} `;
    for (const parsed of this.parsed.values()) {
      // Worked out once per feed version: this runs on every patron message.
      parsed.naming ??= namingPhrases(parsed.calendar);
      if (parsed.naming.some((phrase) => said.includes(phrase))) return true;
    }
    return false;
  }

  private async calendar(source: FeedSource): Promise<ProgramCalendar | undefined> {
    try {
      const text = await source.read();
      const cached = this.parsed.get(source);
      if (cached && cached.text === text) return cached.calendar;
      const calendar = new ProgramCalendar(text, this.options.zone, this.options.branches);
      this.parsed.set(source, { text, calendar });
      return calendar;
    } catch (error) {
      this.options.onFeedError?.(source.name, error as Error);
      // A feed that fails to parse after a change keeps answering from its last good copy.
      return this.parsed.get(source)?.calendar;
    }
  }
}

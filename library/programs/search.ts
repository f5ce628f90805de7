// Which programs to suggest: filter by what the patron asked (dates, branch, ages, topics), rank by
// what was asked, then the audience named, then remembered interests and home branch, then date;
// three at a time. Topics compare word by word with a stemmer ("computers" finds "Computer Help") and
// through each topic's other words (the library's `programs.topics` and the built-in synonyms).
import type { DateTime } from 'luxon';
import type { Stemmer } from 'natural/lib/natural/stemmers';
import { agesMatch, programAges, type AgeRange } from './ages';
import { GENERIC_TITLE_WORDS } from './genericTitleWords';
import type { Audience } from './program';
import { normalizeTopic, type Program } from './program';

// Only the Porter stemmer file: natural's stemmer index loads every language's stemmer.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer') as Stemmer;

export interface ProgramQuery {
  /** Programs that end after this instant (usually now or the start of the asked day). */
  from: DateTime;
  /** ... and start before this one. */
  to: DateTime;
  branchId?: string;
  audience?: Audience;
  /** "My 5 year old": one age in years. */
  age?: number;
  /** The ages asked about (exclusive upper end): one age (min = max) or a life stage's span. Wins over `age`. */
  ages?: AgeRange;
  topics?: string[];
  /** Other words for a topic ("Technology": "computer class", "smartphone"). */
  topicWords?: (topic: string) => readonly string[];
  /** Words of the message found in program titles ("matinee", "sensory"), each a topic of its own. */
  titleWords?: string[];
  /** Only programs the feed marks as held in this language ("en español"). */
  language?: string;
}

export interface RankingPreferences {
  interests: string[];
  homeBranchId?: string;
}

const audienceAges: Partial<Record<Audience, { min: number; max: number }>> = {
  toddlers: { min: 0, max: 3 },
  kids: { min: 4, max: 12 },
  teens: { min: 13, max: 18 },
};

/** A program suits this age (in years, 0.83 for 10 months). */
export function matchesAge(program: Program, age: number): boolean {
  return suitsAges(program, { min: age, max: age });
}

/**
 * A program suits the ages asked: by its own range (or its audiences' when it has none); family
 * programs without ages suit children; a life stage also fits a program tagged for that audience
 * whose range it touches at all ("Homework Help, ages 6-14" is for teens too).
 */
export function suitsAges(program: Program, asked: AgeRange, audience?: Audience): boolean {
  const served = programAges(program);
  if (!served) return asked.min < 13;
  if (agesMatch(asked, served)) return true;
  // A year of the stage at least: babies (to 18 months) are not in a toddler program for ages 1-3.
  const touches = Math.min(asked.max, served.max) - Math.max(asked.min, served.min) >= 1;
  return asked.min !== asked.max && touches && audience !== undefined && program.audiences.includes(audience);
}

export function matchesAudience(program: Program, audience: Audience): boolean {
  if (program.audiences.includes(audience)) return true;
  const span = audienceAges[audience];
  if (span && program.ages && program.ages.min <= span.max && span.min <= program.ages.max) return true;
  // Family programs welcome children; untagged programs are for adults.
  if ((audience === 'kids' || audience === 'toddlers') && program.audiences.includes('families')) return true;
  return audience === 'adults' && program.audiences.length === 0 && !program.ages;
}

const stems = new Map<string, string[]>();

/** Lower-case stemmed words ("Computer Classes" -> ["comput", "class"]), memoised. */
export function stemmedWords(text: string): string[] {
  let words = stems.get(text);
  if (!words) {
    words = text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map((word) => PorterStemmer.stem(word));
    if (stems.size > 20_000) stems.clear();
    stems.set(text, words);
  }
  return words;
}

/** 2 when a phrase names the program (its title or a category), 1 when its description, else 0. */
function phraseScore(program: Program, phrase: string): number {
  const wanted = normalizeTopic(phrase);
  if (!wanted) return 0;
  // Run together, so "story time" finds "Storytime" and "bookclub" finds "Book Club".
  if (program.topics.some((t) => normalizeTopic(t) === wanted)) return 2;
  // Run-together only for longer phrases: "esl" would be found in "bounceSLullabies".
  const together = wanted.length >= 5;
  if (together && normalizeTopic(program.title).includes(wanted)) return 2;
  const words = stemmedWords(phrase).filter((w) => w.length >= 3);
  if (words.length === 0) return 0;
  const named = new Set([...stemmedWords(program.title), ...program.topics.flatMap(stemmedWords)]);
  if (words.every((word) => named.has(word))) return 2;
  // Every word somewhere in the run-together title: "toddler time" is Toddler Storytime.
  const joined = normalizeTopic(program.title) + program.topics.map(normalizeTopic).join('');
  const plain = phrase
    .split(/\s+/)
    .map(normalizeTopic)
    .filter((w) => w.length >= 3);
  if (plain.length >= 2 && plain.every((word) => joined.includes(word))) return 2;
  if (together && normalizeTopic(program.description).includes(wanted)) return 1;
  const described = new Set(stemmedWords(program.description));
  return words.length >= 2 && words.every((word) => described.has(word)) ? 1 : 0;
}

/** How well a program matches a topic, through the topic's other words too. */
export function topicScore(program: Program, topic: string, words?: ProgramQuery['topicWords']): number {
  let best = phraseScore(program, topic);
  for (const phrase of words?.(topic) ?? []) {
    if (best === 2) break;
    best = Math.max(best, phraseScore(program, phrase));
  }
  return best;
}

/** Title words that only say who or what kind, stemmed as the message's words are. */
const GENERIC_TITLE_STEMS = new Set(GENERIC_TITLE_WORDS.map((w) => PorterStemmer.stem(w)));

/** Words of a message that appear in program titles ("when is the next movie matinee" -> ["matinee"]). */
export function titleWordsIn(text: string, programs: readonly Program[]): string[] {
  const inTitles = new Set(programs.flatMap((p) => stemmedWords(p.title)));
  const found: string[] = [];
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length < 4) continue;
    const stem = PorterStemmer.stem(word);
    if (!GENERIC_TITLE_STEMS.has(stem) && inTitles.has(stem) && !found.includes(word)) found.push(word);
  }
  return found;
}

function askedAges(query: ProgramQuery): AgeRange | undefined {
  return query.ages ?? (query.age !== undefined ? { min: query.age, max: query.age } : undefined);
}

function askedScore(program: Program, query: ProgramQuery): number {
  const topics = query.topics ?? [];
  const fromTopics = topics.reduce((sum, topic) => sum + topicScore(program, topic, query.topicWords), 0);
  const titleStems = new Set(stemmedWords(program.title));
  const fromTitle = (query.titleWords ?? []).filter((w) => titleStems.has(PorterStemmer.stem(w))).length * 2;
  return fromTopics + fromTitle;
}

export function findPrograms(
  programs: readonly Program[],
  query: ProgramQuery,
  preferences?: RankingPreferences,
): Program[] {
  const ages = askedAges(query);
  const asking = Boolean(query.topics?.length || query.titleWords?.length);
  const scored = programs
    .filter((p) => p.end > query.from && p.start < query.to)
    .filter((p) => !query.branchId || p.branchId === query.branchId)
    .filter((p) => !query.language || Boolean(p.languages?.includes(query.language)))
    .filter((p) =>
      ages ? suitsAges(p, ages, query.audience) : !query.audience || matchesAudience(p, query.audience),
    )
    .map((program) => {
      const liked = (preferences?.interests ?? []).reduce(
        (sum, topic) => sum + topicScore(program, topic, query.topicWords),
        0,
      );
      const home = preferences?.homeBranchId && program.branchId === preferences.homeBranchId ? 1 : 0;
      const tagged = query.audience && program.audiences.includes(query.audience) ? 1 : 0;
      return { program, asked: askedScore(program, query), tagged, remembered: liked + home };
    })
    .filter((s) => !asking || s.asked > 0);
  scored.sort(
    (a, b) =>
      b.asked - a.asked ||
      b.tagged - a.tagged ||
      b.remembered - a.remembered ||
      a.program.start.toMillis() - b.program.start.toMillis(),
  );
  // One occurrence of each program first, so a weekly program does not fill a page of three on its own;
  // its later dates follow.
  const seen = new Set<string>();
  const firsts: Program[] = [];
  const repeats: Program[] = [];
  for (const { program } of scored) {
    const key = `${program.title}\u0000${program.branchId ?? ''}`;
    (seen.has(key) ? repeats : firsts).push(program);
    seen.add(key);
  }
  return [...firsts, ...repeats];
}

export const pageSize = 3;

/** One page of results and whether there are more. */
export function pageOf<T>(items: readonly T[], page: number, size = pageSize): { items: T[]; more: boolean } {
  const start = page * size;
  return { items: items.slice(start, start + size), more: items.length > start + size };
}

// A program occurrence as patrons see it, and how audiences and topics are read from a feed's categories.
import type { DateTime } from 'luxon';
import { readAgeRange, type WrittenAges } from './ageRanges';

/** Who a program is for, in the words patrons and event calendars use. */
export type Audience = 'toddlers' | 'kids' | 'teens' | 'adults' | 'seniors' | 'families';

export interface Program {
  /** The feed's UID plus the occurrence's start, so "more" and follow-ups can refer to one occurrence. */
  id: string;
  uid: string;
  title: string;
  start: DateTime;
  end: DateTime;
  allDay: boolean;
  /** The configured branch the LOCATION names, when it names one. */
  branchId?: string;
  location: string;
  audiences: Audience[];
  /** An age range from a category such as "Ages 1-3" or "Ages 18+", or from the description. */
  ages?: WrittenAges;
  /** The other categories, as written in the feed ("Storytime", "Book Club"). */
  topics: string[];
  description: string;
  registrationUrl?: string;
  /** The languages it is held in, when the feed says (a category "Spanish", "Bilingual"); else unsaid. */
  languages?: string[];
  /** Its title in other languages, where the feed gives one (`X-LIBRARY-TITLE;LANGUAGE=es:...`). */
  titles?: Record<string, string>;
}

/** Categories that say which language a program is held in (lower case, accents as written or not). */
const languageCategories: Record<string, string[]> = {
  spanish: ['es'],
  espanol: ['es'],
  español: ['es'],
  'en espanol': ['es'],
  'en español': ['es'],
  'in spanish': ['es'],
  bilingual: ['en', 'es'],
  bilingue: ['en', 'es'],
  bilingüe: ['en', 'es'],
};

const audienceWords: Record<string, Audience> = {
  toddler: 'toddlers',
  toddlers: 'toddlers',
  baby: 'toddlers',
  babies: 'toddlers',
  kid: 'kids',
  kids: 'kids',
  children: 'kids',
  child: 'kids',
  teen: 'teens',
  teens: 'teens',
  'young adults': 'teens',
  adult: 'adults',
  adults: 'adults',
  senior: 'seniors',
  seniors: 'seniors',
  'older adults': 'seniors',
  family: 'families',
  families: 'families',
  'all ages': 'families',
};

/**
 * Splits a feed's CATEGORIES into audiences, an age range and topics; without an age category the
 * description may give the range ("for children three to five").
 */
export function readCategories(
  categories: string[],
  description = '',
): Pick<Program, 'audiences' | 'ages' | 'topics' | 'languages'> {
  const audiences: Audience[] = [];
  const topics: string[] = [];
  const languages: string[] = [];
  let ages: Program['ages'];
  for (const raw of categories) {
    const category = raw.trim();
    const lower = category.toLowerCase();
    const range = /^(ages?|adults?|seniors?|kids|children|teens)\b/.test(lower)
      ? readAgeRange(lower)
      : undefined;
    if (range) {
      ages = range;
    } else if (languageCategories[lower]) {
      for (const code of languageCategories[lower]) if (!languages.includes(code)) languages.push(code);
    } else if (audienceWords[lower]) {
      if (!audiences.includes(audienceWords[lower])) audiences.push(audienceWords[lower]);
    } else if (category) {
      topics.push(category);
    }
  }
  ages ??= readAgeRange(description);
  return {
    audiences,
    topics,
    ...(ages ? { ages } : {}),
    ...(languages.length ? { languages } : {}),
  };
}

/** The audience an age belongs to, for programs that list an audience but no ages. */
export function audienceForAge(age: number): Audience {
  if (age <= 3) return 'toddlers';
  if (age <= 12) return 'kids';
  if (age <= 18) return 'teens';
  if (age >= 65) return 'seniors';
  return 'adults';
}

/** "Book clubs", "book club" and "bookclub" compare equal; so do "story time" and "storytime". */
export function normalizeTopic(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .replace(/s$/, '');
}

/**
 * The program language a patron asks for ("cuentos en español", "storytime in Spanish", "bilingual"),
 * read from the message; undefined when none.
 */
export function programLanguageAsked(text: string): string | undefined {
  const plain = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return /\b(?:en|in) espanol\b|\bin spanish\b|\bspanish[- ]language\b|\bbilingu(?:e|al)\b/.test(plain)
    ? 'es'
    : undefined;
}

/** A program's title in a language, its feed title when the feed gives none. */
export function programTitleIn(program: Program, language: string): string {
  return program.titles?.[language] ?? program.title;
}

// The language of one patron message, with the conversation's language as the prior: a short "ok",
// "2" or a title does not switch it; a message that reads clearly as another language does; "in
// English, please" / "en español" always does (and the caller remembers it). Evidence: tinyld (a
// language-identification library trained for short texts), the catalogs' everyday words (patrons'
// texting shorthand included, which no general model knows), letters only one language writes and, for
// a conversation's first message only, a Spanish dictionary less every English word (lexicon/).
import { detectAll } from 'tinyld';
import type { Messages } from './catalog';
import { spanishWordTables, wordsOfBothLanguages } from './lexicon/spanishLexicon';
import { isSpanishWord } from './lexicon/spanishWords';

export interface LanguageReading {
  language: string;
  /** The patron asked for this language in so many words. */
  asked: boolean;
}

export interface LanguageContext {
  /** The conversation's language so far. */
  previous?: string;
  /** The channel's hint (Web Chat's `locale`), used while the conversation has no language yet. */
  hint?: string;
  /** The languages the bot speaks (the catalogs), the first being the default. */
  catalogs: readonly Messages[];
}

/** How much more one language must score than the conversation's to switch it. */
const SWITCH_MARGIN = 1;
/** The same for a conversation's first message, over the page's hint or the default language. */
const NEW_CONVERSATION_MARGIN = 0.5;

function plain(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9' ]+/g, ' ')
      // A stretched "holaaa" or "thanksss" is the word itself.
      .replace(/([a-z])\1{2,}/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** A message's words as the reader sees them: lower case, no accents, no punctuation. */
export function messageWords(text: string): string[] {
  return plain(text).split(' ').filter(Boolean);
}

/** The catalog whose `askedFor` the whole message is ("in english please", "en español"). */
function askedFor(text: string, catalogs: readonly Messages[]): string | undefined {
  const said = plain(text);
  return catalogs.find((m) => m.askedFor.test(said))?.language;
}

/** Each catalog's everyday words as a set, built once per catalog (this runs on every turn). */
const commonWordSets = new WeakMap<Messages, ReadonlySet<string>>();
function commonWordsOf(m: Messages): ReadonlySet<string> {
  let set = commonWordSets.get(m);
  if (!set) commonWordSets.set(m, (set = new Set(m.commonWords)));
  return set;
}

/** Everyday words that settle a message on their own: tinyld (about 0.3 ms a message) is then not asked. */
const DECISIVE_HITS = 3;

/**
 * Dictionaries of words one language has and the others do not, for a conversation's first message
 * only: there a lone "saludos" or "donacion" has nothing else to go on, while inside a conversation a
 * title or a branch name ("La Casa", "El Camino") must never switch it.
 */
const FIRST_MESSAGE_LEXICONS: readonly { language: string; has: (word: string) => boolean }[] = [
  { language: 'es', has: (word) => isSpanishWord(word, spanishWordTables()) },
];
/** What one dictionary word is worth, against 1 for an everyday word and up to 3 for tinyld. */
const LEXICON_WEIGHT = 1;

/** Dictionary words of each language among the words no catalog counts as everyday. */
function lexiconHits(words: readonly string[], catalogs: readonly Messages[]): Map<string, number> {
  const hits = new Map<string, number>();
  const unclaimed = words.filter(
    (word) => /^[a-z]{2,}$/.test(word) && !catalogs.some((m) => commonWordsOf(m).has(word)),
  );
  if (!unclaimed.length) return hits;
  for (const lexicon of FIRST_MESSAGE_LEXICONS)
    hits.set(lexicon.language, unclaimed.filter((word) => lexicon.has(word)).length);
  return hits;
}

function scores(text: string, catalogs: readonly Messages[], firstMessage: boolean): Map<string, number> {
  const words = messageWords(text);
  const result = new Map<string, number>();
  const lexicon = firstMessage ? lexiconHits(words, catalogs) : new Map<string, number>();
  for (const m of catalogs) {
    const common = commonWordsOf(m);
    const hits = words.filter((word) => common.has(word)).length;
    const letters = m.letters.test(text) ? 1.5 : 0;
    result.set(m.language, hits + letters + LEXICON_WEIGHT * (lexicon.get(m.language) ?? 0));
  }
  const sorted = [...result.values()].sort((a, b) => b - a);
  if (sorted[0] >= DECISIVE_HITS && (sorted[1] ?? 0) === 0) return result;
  // Letter statistics say nothing about a first message of words both languages write ("menu", "yo").
  if (firstMessage && words.every((word) => !/[a-z]/.test(word) || wordsOfBothLanguages().has(word)))
    return result;
  // tinyld's accuracy is 0-1 and only given when the text carries enough of a language.
  const model = detectAll(text, { only: catalogs.map((m) => m.language) });
  for (const { lang, accuracy } of model) {
    const score = result.get(lang);
    if (score !== undefined) result.set(lang, score + 3 * accuracy);
  }
  return result;
}

/** Small words a title leaves in lower case ("Harry Potter and the Goblet of Fire", "Cien años de soledad"). */
const TITLE_SMALL_WORDS = new Set(
  'a an and as at by for from in into of on or the to with de del el en la las los por para y con sin'.split(
    ' ',
  ),
);

/**
 * A title or a name typed as one ("The Midnight Library", "Where the Crawdads Sing"): three words or
 * more, each capitalised or a small word, no question mark. Patrons do not write their questions so.
 */
function looksLikeTitle(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 3 || /[?¿]/.test(text)) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word));
  return (
    capitalised.length >= 2 &&
    /^\p{Lu}/u.test(words[0]) &&
    words.every((word) => /^\p{Lu}/u.test(word) || TITLE_SMALL_WORDS.has(word))
  );
}

/** A message's language shows in its first words; reading all of a very long one took most of a second. */
const READ_AT_MOST = 1000;

/** The language to answer this message in. */
export function readLanguage(message: string, context: LanguageContext): LanguageReading {
  const { catalogs } = context;
  const text = message.length > READ_AT_MOST ? message.slice(0, READ_AT_MOST) : message;
  const asked = askedFor(text, catalogs);
  if (asked) return { language: asked, asked: true };
  // "es-US" (a page's locale) is Spanish.
  const known = (tag?: string) =>
    catalogs.find((m) => m.language === tag?.toLowerCase().split(/[-_]/)[0])?.language;
  const prior = known(context.previous) ?? known(context.hint) ?? catalogs[0].language;
  // A title says nothing about the patron's language once the conversation has one.
  if (context.previous && looksLikeTitle(text)) return { language: prior, asked: false };
  const byLanguage = scores(text, catalogs, context.previous === undefined);
  const [best, bestScore] = [...byLanguage].sort((a, b) => b[1] - a[1])[0] ?? [prior, 0];
  const priorScore = byLanguage.get(prior) ?? 0;
  // No evidence either way ("ok", "2", a title, an emoji): the conversation's language stays.
  if (bestScore === 0 || best === prior) return { language: prior, asked: false };
  // A conversation that has a language needs a clear lead to switch; a new one a smaller lead ("hola"
  // is Spanish, a lone "crochet" is not).
  const margin = context.previous ? SWITCH_MARGIN : NEW_CONVERSATION_MARGIN;
  return { language: bestScore - priorScore > margin ? best : prior, asked: false };
}

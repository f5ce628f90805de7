// Turns what patrons really type (SMS-speak, emojis, missing apostrophes, stretched words) into plain
// lower-case English the classifier and the entity extractors can rely on.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import PorterStemmerEs from 'natural/lib/natural/stemmers/porter_stemmer_es';
import { withinOneEdit } from '../library/text/editDistance';

/** Whole-word replacements for texting shorthand and frequent misspellings (lower case). */
const SHORTHAND: Record<string, string> = {
  u: 'you',
  ya: 'you',
  yu: 'you',
  ur: 'your',
  yr: 'your',
  r: 'are',
  n: 'and',
  w: 'with',
  'w/': 'with',
  'w/o': 'without',
  pls: 'please',
  plz: 'please',
  plse: 'please',
  pleas: 'please',
  pleez: 'please',
  thx: 'thanks',
  thnx: 'thanks',
  thanx: 'thanks',
  thnks: 'thanks',
  tx: 'thanks',
  ty: 'thank you',
  tysm: 'thank you so much',
  tyvm: 'thank you very much',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  wen: 'when',
  whn: 'when',
  wher: 'where',
  whr: 'where',
  hw: 'how',
  y: 'why',
  '2day': 'today',
  tdy: 'today',
  tday: 'today',
  todays: 'today',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  '2mrw': 'tomorrow',
  tmrw: 'tomorrow',
  tmrrw: 'tomorrow',
  tmr: 'tomorrow',
  tmro: 'tomorrow',
  tmrow: 'tomorrow',
  tmw: 'tomorrow',
  tomoro: 'tomorrow',
  tomorow: 'tomorrow',
  tommorow: 'tomorrow',
  tommorrow: 'tomorrow',
  tomorro: 'tomorrow',
  '2nite': 'tonight',
  '2night': 'tonight',
  tonite: 'tonight',
  tnite: 'tonight',
  nite: 'night',
  wknd: 'weekend',
  wkend: 'weekend',
  wk: 'week',
  hrs: 'hours',
  hr: 'hour',
  ours: 'ours',
  lib: 'library',
  libary: 'library',
  liberry: 'library',
  librery: 'library',
  libray: 'library',
  libaray: 'library',
  libarary: 'library',
  librairy: 'library',
  bk: 'book',
  bks: 'books',
  acct: 'account',
  b4: 'before',
  gr8: 'great',
  abt: 'about',
  bout: 'about',
  cuz: 'because',
  coz: 'because',
  bc: 'because',
  idk: 'i do not know',
  im: 'i am',
  ive: 'i have',
  dont: 'do not',
  dnt: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  cannot: 'can not',
  wont: 'will not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  havent: 'have not',
  hasnt: 'has not',
  whats: 'what is',
  wheres: 'where is',
  hows: 'how is',
  whens: 'when is',
  thats: 'that is',
  theres: 'there is',
  youre: 'you are',
  k: 'ok',
  kk: 'ok',
  okay: 'ok',
  okey: 'ok',
  okie: 'ok',
  oki: 'ok',
  okk: 'ok',
  ppl: 'people',
  msg: 'message',
  txt: 'text',
  appt: 'appointment',
  rn: 'right now',
  tho: 'though',
  thru: 'through',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  lemme: 'let me',
  gimme: 'give me',
  hii: 'hi',
  hiii: 'hi',
  hiya: 'hi',
  heya: 'hey',
  helo: 'hello',
  hellow: 'hello',
  'wi-fi': 'wifi',
  wfi: 'wifi',
  mon: 'monday',
  tue: 'tuesday',
  tues: 'tuesday',
  wed: 'wednesday',
  weds: 'wednesday',
  thu: 'thursday',
  thur: 'thursday',
  thurs: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
  xmas: 'christmas',
  bday: 'birthday',
  pw: 'password',
  pwd: 'password',
  passwrd: 'password',
  rsvp: 'register',
  sum1: 'someone',
  some1: 'someone',
  any1: 'anyone',
  no1: 'no one',
  every1: 'everyone',
  // Vowels dropped in a hurry.
  tme: 'time',
  opn: 'open',
  clse: 'close',
  hld: 'hold',
  hlds: 'holds',
  crd: 'card',
  prk: 'park',
  thnk: 'thank',
  thxgiving: 'thanksgiving',
  thanksgivin: 'thanksgiving',
  tgiving: 'thanksgiving',
};

/** Emojis patrons use that carry meaning; every other pictograph is dropped. */
const EMOJI_WORDS: [RegExp, string][] = [
  [/👋/gu, ' hi '],
  [/🙏/gu, ' please '],
  [/👍|👌|🙂|😊|😀|😃|☺️?|🤗|😉|✅/gu, ' ok '],
  [/😂|🤣|😄|😆|😁/gu, ' lol '],
  [/😡|😠|🤬|😤/gu, ' angry '],
  [/😢|😭|😞|☹️?|🙁/gu, ' sad '],
  [/❤️?|♥️?|😍|🥰/gu, ' love '],
  [/📚|📖|📕|📗|📘|📙/gu, ' book '],
  [/🖨️?/gu, ' printer '],
  [/💻|🖥️?/gu, ' computer '],
  [/🕐|🕑|🕒|🕓|🕔|🕕|🕖|🕗|🕘|🕙|🕚|🕛|⏰/gu, ' time '],
];

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bain't\b/g, 'is not'],
  [/n't\b/g, ' not'],
  [/\b(what|where|when|how|who|it|that|there|here|he|she)'s\b/g, '$1 is'],
  [/'re\b/g, ' are'],
  [/\bi'm\b/g, 'i am'],
  [/'ll\b/g, ' will'],
  [/'ve\b/g, ' have'],
  [/'d\b/g, ' would'],
  // A possessive carries no meaning for routing: "library's hours" -> "library hours".
  [/'s\b/g, ''],
];

export interface NormalizedText {
  /** Lower case, shorthand expanded, punctuation reduced to spaces: what features and entities read. */
  text: string;
  tokens: string[];
}

/** How a language other than English is normalised: its own texting shorthand, no English rules. */
export interface LanguageNormalization {
  /** The language code ("es"): decides the stemmer. */
  language: string;
  /** Whole-word replacements ("q" -> "que", "xfa" -> "por favor", Spanglish "books" -> "libros"). */
  shorthand: Readonly<Record<string, string>>;
}

/**
 * Steps shared by every consumer; `correct` optionally fixes misspelt words (see SpellingCorrector).
 * With `other`, the text is in that language: its shorthand replaces the English one and English
 * contractions and "2"/"4" for "to"/"for" are left alone ("y", "ya" and "k" mean other things).
 */
export function normalizeText(
  raw: string,
  correct?: (token: string) => string,
  other?: LanguageNormalization,
): NormalizedText {
  // Curly quotes, emoji, pictographs and accents are outside ASCII: most messages skip those steps.
  let text = ASCII_ONLY.test(raw) ? straightQuotes(raw.toLowerCase()) : withoutNonAsciiMarks(raw);
  if (!other) text = englishContractions(text);
  // Stretched words ("helloooo", "pleeease") become at most two repeats.
  text = text.replace(/([a-z])\1{2,}/g, '$1$1');
  // Keep characters that carry meaning in library questions: digits, $, %, #, and times like 5:30.
  text = text.replace(/[^a-z0-9$%#&@/:\-' ]+/g, ' ').replace(/:(?!\d)|(?<!\d):/g, ' ');
  const tokens: string[] = [];
  const shorthand = other?.shorthand ?? SHORTHAND;
  for (let piece of text.split(/\s+/)) {
    piece = piece.replace(/^['\-/]+|['\-/]+$/g, '').replace(/'/g, '');
    if (!piece) continue;
    const mapped = Object.hasOwn(shorthand, piece) ? shorthand[piece] : undefined;
    if (mapped !== undefined) {
      for (const word of mapped.split(' ')) tokens.push(word);
      continue;
    }
    if (piece.includes('/') || (piece.includes('-') && !/^\d/.test(piece))) {
      // "e-book", "and/or": the parts are the words.
      for (const part of piece.split(/[/-]+/)) {
        if (part) tokens.push(shorthand[part] ?? (correct ? correct(part) : part));
      }
      continue;
    }
    tokens.push(correct ? correct(piece) : piece);
  }
  return { text: tokens.join(' '), tokens };
}

function straightQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** Printable ASCII, tabs and line breaks. */
const ASCII_ONLY = /^[ -~\t\n\r]*$/;

function withoutNonAsciiMarks(raw: string): string {
  // Quotes before NFKC, which turns an acute accent used as an apostrophe ("can´t") into a space and a
  // mark, and after it, which turns full-width ones into these.
  let text = straightQuotes(straightQuotes(raw).normalize('NFKC').toLowerCase());
  for (const [pattern, word] of EMOJI_WORDS) text = text.replace(pattern, word);
  // Remaining pictographs, variation selectors and joiners carry no routing meaning.
  text = text.replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}]/gu, ' ');
  // Accents: "café" and "cafe" are one word to the classifier.
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

function englishContractions(text: string): string {
  // Every contraction has an apostrophe.
  if (text.includes("'"))
    for (const [pattern, replacement] of CONTRACTIONS) text = text.replace(pattern, replacement);
  // Texting "2" and "4" for "to" and "for", only where a number cannot be meant ("talk 2 sum1", "ready 4 pickup").
  return text
    .replace(
      /\b(talk|speak|want|need|how|go|going|come|chat|trying|try|get|able|back|used|wanna) 2 (?=[a-z])/g,
      '$1 to ',
    )
    .replace(
      /\b4 (?=(me|my|u|you|pickup|pick|the|a|kids|teens|adults|seniors|toddlers|babies|him|her|them|us)\b)/g,
      'for ',
    );
}

/** natural's Porter stemmers by language; a language without one keeps its words whole. */
const STEMMERS: Readonly<Record<string, { stem(token: string): string }>> = {
  en: PorterStemmer,
  es: PorterStemmerEs,
};

const stemCaches = new Map<string, Map<string, string>>();

/** natural's Porter stemmer of the language, memoised: the same few thousand words come back all the time. */
export function stem(token: string, language = 'en'): string {
  let cache = stemCaches.get(language);
  if (!cache) stemCaches.set(language, (cache = new Map()));
  let stemmed = cache.get(token);
  if (stemmed === undefined) {
    const stemmer = STEMMERS[language];
    stemmed = stemmer && /^[a-z]+$/.test(token) ? stemmer.stem(token) : token;
    if (cache.size < 200_000) cache.set(token, stemmed);
  }
  return stemmed;
}

/**
 * Fixes words the training corpus never saw when one edit (insert, delete, substitute, swap) turns
 * them into a word it did see: "renw" -> "renew", "eastsde" -> "eastside". Uses a deletion index
 * (the SymSpell idea), so a lookup is a handful of map reads rather than a scan of the vocabulary.
 */
export class SpellingCorrector {
  private readonly known: Map<string, number>;
  private readonly deletions = new Map<string, string>();

  constructor(wordCounts: Map<string, number>, minLength = 4) {
    this.known = wordCounts;
    this.minLength = minLength;
    // Most frequent words first so a deletion key keeps its most likely source word.
    const words = [...wordCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [word] of words) {
      if (word.length < minLength || !/^[a-z]+$/.test(word)) continue;
      for (const key of deletes(word)) if (!this.deletions.has(key)) this.deletions.set(key, word);
    }
  }

  private readonly minLength: number;

  /** The word counts it was built from (for the model cache). */
  wordCounts(): [string, number][] {
    return [...this.known.entries()];
  }

  private readonly memo = new Map<string, string>();

  correct = (token: string): string => {
    if (token.length < this.minLength || this.known.has(token) || !/^[a-z]+$/.test(token)) return token;
    let corrected = this.memo.get(token);
    if (corrected === undefined) {
      // Bounded so a stream of gibberish cannot grow it without limit.
      if (this.memo.size >= 20_000) this.memo.clear();
      corrected = this.lookup(token);
      this.memo.set(token, corrected);
    }
    return corrected;
  };

  private lookup(token: string): string {
    // Candidates within one edit: same-length substitutions and swaps share a deletion key, an
    // insertion in the token is a deletion key of the token itself, a deletion is the word's key.
    let best: string | undefined;
    let bestCount = 0;
    const consider = (word: string | undefined) => {
      if (word === undefined || !withinOneEdit(token, word)) return;
      const count = this.known.get(word) ?? 0;
      if (count > bestCount || (count === bestCount && best !== undefined && word < best)) {
        best = word;
        bestCount = count;
      }
    };
    for (const key of deletes(token)) {
      if (this.known.has(key)) consider(key);
      consider(this.deletions.get(key));
    }
    consider(this.deletions.get(token));
    return best ?? token;
  }
}

function deletes(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

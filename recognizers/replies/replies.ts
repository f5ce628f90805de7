// What a patron's short reply to the bot's question meant: yes or no, or which of the offered
// options (by the button's value, its label typed, its SMS list number, "the second one", "last one",
// or the option's own name with a typo), or nothing when it answers none of them: then the message is
// a new request. Yes/no words come from @microsoft/recognizers-text-choice and numbers and ordinals
// from @microsoft/recognizers-text-number, the recognizers botbuilder's ConfirmPrompt and ChoicePrompt
// use; both are multilingual, so every function takes a culture ("en-us" by default).
import { ChoiceRecognizer } from '@microsoft/recognizers-text-choice';
import { NumberRecognizer } from '@microsoft/recognizers-text-number';
import { editDistance } from '../../library/text/editDistance';
import { REPLY_WORDS, replyLanguage, type ReplyLanguage, type ReplyWords } from './words';

/** An offered option, as a button or a numbered SMS line (channels' ChoiceOption fits). */
export interface ReplyOption {
  /** What the patron sees. */
  readonly label: string;
  /** What the button sends back (the label when absent). */
  readonly value?: string;
  /** Other names the patron may type for it. */
  readonly synonyms?: readonly string[];
}

export type ReplyQuestion<T extends ReplyOption = ReplyOption> =
  /** A confirm question; `yes` and `no` are its button labels ("Yes, remember", "No thanks"). */
  | { kind: 'yes-no'; yes?: string; no?: string }
  /** A choice; with `alsoYesNo`, a plain yes or no answers it too ("I found this. Is it the one?"). */
  | { kind: 'choice'; options: readonly T[]; alsoYesNo?: boolean };

/** How the reply was read (for tests and logs). */
export type ReadBy = 'value' | 'label' | 'number' | 'ordinal' | 'yes-no' | 'name';

export type UnderstoodReply<T extends ReplyOption = ReplyOption> =
  { kind: 'yes' | 'no'; by: ReadBy } | { kind: 'option'; option: T; index: number; by: ReadBy };

export const DEFAULT_CULTURE = 'en-us';

/** Longer messages are new requests, not answers: the recognizers are not asked about them. */
const MAX_SHORT_WORDS = 8;

/**
 * What the reply to this question meant, or undefined when it answers none of it. A number or
 * ordinal outside the options is nothing, and so is "no idea" ("no" must stand alone or with
 * polite words).
 */
export function understandReply<T extends ReplyOption>(
  text: string,
  question: ReplyQuestion<T>,
  culture: string = DEFAULT_CULTURE,
): UnderstoodReply<T> | undefined {
  const said = simplify(text);
  if (!said) return undefined;
  const language = replyLanguage(culture);
  if (question.kind === 'yes-no') {
    const options: ReplyOption[] = [
      { label: question.yes ?? 'Yes', value: 'yes' },
      { label: question.no ?? 'No', value: 'no' },
    ];
    const read = understandChoice(said, options, false, language);
    return read?.kind === 'option' ? { kind: read.index === 0 ? 'yes' : 'no', by: read.by } : undefined;
  }
  return understandChoice(said, question.options, question.alsoYesNo === true, language);
}

/** The option chosen, or undefined. */
export function chosenOption<T extends ReplyOption>(
  text: string,
  options: readonly T[],
  culture: string = DEFAULT_CULTURE,
): T | undefined {
  const read = understandReply(text, { kind: 'choice', options }, culture);
  return read?.kind === 'option' ? read.option : undefined;
}

/** 'yes' or 'no' to a confirm question with these button labels; undefined for anything else. */
export function yesOrNo(
  text: string,
  labels: { yes?: string; no?: string } = {},
  culture: string = DEFAULT_CULTURE,
): 'yes' | 'no' | undefined {
  const read = understandReply(text, { kind: 'yes-no', yes: labels.yes, no: labels.no }, culture);
  return read?.kind === 'yes' || read?.kind === 'no' ? read.kind : undefined;
}

/**
 * Shaped like an answer to whatever was asked (a list number, an ordinal, a yes or a no) rather than
 * a new request, so it goes to the waiting question instead of the intent recognizer.
 */
export function isShortReply(text: string, culture: string = DEFAULT_CULTURE): boolean {
  const said = simplify(text);
  if (!said) return false;
  const language = replyLanguage(culture);
  const position = positionIn(said, language);
  if (position) return position.last === true || position.n <= 99;
  return yesNoIn(said, language) !== undefined;
}

/** Lower case, no accents or apostrophes, punctuation as spaces: "#2." is "2", "Don't" is "dont". */
export function simplify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function valueOf(option: ReplyOption): string {
  return option.value ?? option.label;
}

function understandChoice<T extends ReplyOption>(
  said: string,
  options: readonly T[],
  alsoYesNo: boolean,
  language: ReplyLanguage,
): UnderstoodReply<T> | undefined {
  const found = (index: number, by: ReadBy): UnderstoodReply<T> => ({
    kind: 'option',
    option: options[index],
    index,
    by,
  });
  // What a button sends, then a label or synonym typed out ("Yes, remember").
  const byValue = options.findIndex((o) => simplify(valueOf(o)) === said);
  if (byValue >= 0) return found(byValue, 'value');
  const byLabel = options.findIndex(
    (o) => simplify(o.label) === said || (o.synonyms ?? []).some((s) => simplify(s) === said),
  );
  if (byLabel >= 0) return found(byLabel, 'label');
  const position = positionIn(said, language);
  if (position) {
    const index = position.last ? options.length - 1 : position.n - 1;
    return index >= 0 && index < options.length ? found(index, position.by) : undefined;
  }
  const answer = yesNoIn(said, language);
  if (answer) {
    const index = options.findIndex((o) => simplify(valueOf(o)) === answer);
    if (index >= 0) return found(index, 'yes-no');
    return alsoYesNo ? { kind: answer, by: 'yes-no' } : undefined;
  }
  const named = nameIn(said, options, REPLY_WORDS[language]);
  return named === undefined ? undefined : found(named, 'name');
}

type Position = { n: number; last?: false; by: ReadBy } | { n: 0; last: true; by: ReadBy };

/** "2", "#2", "option two", "the second one", "2nd", "last one": a 1-based place in a list. */
function positionIn(said: string, language: ReplyLanguage): Position | undefined {
  if (/^\d{1,3}$/.test(said)) return { n: Number(said), by: 'number' };
  if (wordsOf(said).length > MAX_SHORT_WORDS) return undefined;
  const words = REPLY_WORDS[language];
  const models = modelsFor(language);
  const ordinals = models.ordinal.parse(said);
  if (ordinals.length === 1 && onlyWordsFrom(without(said, ordinals), words.besidePosition)) {
    const value = Number(ordinals[0].resolution?.value);
    if (Number.isInteger(value) && value > 0) return { n: value, by: 'ordinal' };
    // Relative ordinals resolve to 0; of them, only "last" names an option on its own.
    return words.last.has(simplify(ordinals[0].text)) ? { n: 0, last: true, by: 'ordinal' } : undefined;
  }
  const numbers = models.number.parse(said);
  if (numbers.length === 1 && onlyWordsFrom(without(said, numbers), words.besidePosition)) {
    const value = Number(numbers[0].resolution?.value);
    if (Number.isInteger(value) && value >= 0) return { n: value, by: 'number' };
  }
  return undefined;
}

/** A yes or a no, alone or with polite words only ("yes please", "no thanks"); "no idea" is neither. */
function yesNoIn(said: string, language: ReplyLanguage): 'yes' | 'no' | undefined {
  const words = REPLY_WORDS[language];
  if (words.yes.has(said)) return 'yes';
  if (words.no.has(said)) return 'no';
  if (wordsOf(said).length > MAX_SHORT_WORDS) return undefined;
  const results = modelsFor(language).boolean.parse(said);
  if (results.length === 0) return undefined;
  const value = results[0].resolution?.value as unknown;
  if (results.some((r) => (r.resolution?.value as unknown) !== value)) return undefined;
  const answer = value === true ? 'yes' : 'no';
  const same = answer === 'yes' ? words.yes : words.no;
  const rest = without(said, results);
  if (!rest || same.has(rest)) return answer;
  return wordsOf(rest).every((word) => words.besideYesNo.has(word) || same.has(word)) ? answer : undefined;
}

/**
 * The one option whose name holds every meaningful word typed ("eastside", "the audiobook", "home
 * branch"), each allowed a typo when long; else the one name within a few typos of the whole reply
 * ("Oak Hil Branch").
 */
function nameIn(said: string, options: readonly ReplyOption[], words: ReplyWords): number | undefined {
  const meaningful = wordsOf(said).filter((word) => !words.filler.has(word));
  if (meaningful.length === 0) return undefined;
  const names = options.map((o) => [o.label, valueOf(o), ...(o.synonyms ?? [])].map(simplify));
  const holding = names
    .map((list, index) => ({ index, holds: list.some((name) => holdsAll(wordsOf(name), meaningful)) }))
    .filter((o) => o.holds);
  if (holding.length === 1) return holding[0].index;
  let best: number | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  const allowed = Math.max(1, Math.floor(said.length / 4));
  names.forEach((list, index) => {
    const distance = Math.min(...list.map((name) => editDistance(said, name, allowed)));
    if (distance < bestDistance) [best, bestDistance, tie] = [index, distance, false];
    else if (distance === bestDistance && index !== best) tie = true;
  });
  return !tie && bestDistance <= allowed ? best : undefined;
}

function holdsAll(nameWords: string[], typed: string[]): boolean {
  return typed.every((word) => nameWords.some((nameWord) => sameWord(word, nameWord)));
}

/** The same word, or a long one with a typo ("eastsde"); short words must be exact. */
function sameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (typed.length < 5) return false;
  const allowed = typed.length >= 8 ? 2 : 1;
  return editDistance(typed, word, allowed) <= allowed;
}

function wordsOf(text: string): string[] {
  return text.split(' ').filter(Boolean);
}

function onlyWordsFrom(text: string, allowed: ReadonlySet<string>): boolean {
  return wordsOf(text).every((word) => allowed.has(word));
}

interface Found {
  start?: number;
  end?: number;
}

/** The text with the recognized spans taken out. */
function without(said: string, found: Found[]): string {
  let rest = said;
  for (const span of [...found].sort((a, b) => (b.start ?? 0) - (a.start ?? 0))) {
    if (span.start === undefined || span.end === undefined) continue;
    rest = `${rest.slice(0, span.start)} ${rest.slice(span.end + 1)}`;
  }
  return rest.replace(/\s+/g, ' ').trim();
}

interface ReplyModels {
  boolean: ReturnType<ChoiceRecognizer['getBooleanModel']>;
  number: ReturnType<NumberRecognizer['getNumberModel']>;
  ordinal: ReturnType<NumberRecognizer['getOrdinalModel']>;
}

const RECOGNIZER_CULTURE: Record<ReplyLanguage, string> = { en: 'en-us', es: 'es-es' };

// Compiled models per language, built on first use (a few hundred ms) and then only read: a memo of
// immutable regular expressions, not state. recognizeBoolean() and friends would rebuild them per call.
const compiled = new Map<ReplyLanguage, ReplyModels>();

function modelsFor(language: ReplyLanguage): ReplyModels {
  let models = compiled.get(language);
  if (!models) {
    const culture = RECOGNIZER_CULTURE[language];
    const numbers = new NumberRecognizer(culture, undefined, true);
    models = {
      boolean: new ChoiceRecognizer(culture, undefined, true).getBooleanModel(culture),
      number: numbers.getNumberModel(culture),
      ordinal: numbers.getOrdinalModel(culture),
    };
    compiled.set(language, models);
  }
  return models;
}

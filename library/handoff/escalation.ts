// When the bot should bring in a person. An explicit request hands off straight away; every other
// reason only makes the bot offer, and the patron chooses.
import { SentimentAnalyzer } from 'natural/lib/natural/sentiment';
import type { Stemmer } from 'natural/lib/natural/stemmers';
import type { Messages } from '../language/catalog';

// Only the Porter stemmer file: natural's stemmer index loads every language's stemmer.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer') as Stemmer;

export type EscalationReason = 'explicit' | 'misunderstood' | 'frustrated' | 'always-human' | 'failure';

export interface EscalationDecision {
  reason: EscalationReason;
  /** `handoff`: go to a person now; `offer`: ask the patron first. */
  mode: 'handoff' | 'offer';
  /** The configured topic or frustration phrase that matched, for the staff summary. */
  matched?: string;
}

/** An always-a-person topic: phrases matched as words; `person.<id>` is its intent when learnt by meaning. */
export interface AlwaysHumanTopic {
  id: string;
  phrases: readonly string[];
  /** Said before the offer of a person ("call us and we'll block the card"). */
  advice?: string;
  /** The advice in other languages, by language code. */
  translations?: Readonly<Record<string, { advice: string }>>;
}

/**
 * A topic's advice in the catalog's language: the translation when the library wrote one, otherwise
 * the English advice after the catalog's "only in English" notice.
 */
export function adviceIn(topic: AlwaysHumanTopic | undefined, m: Messages): string | undefined {
  if (!topic?.advice) return undefined;
  const translated = topic.translations?.[m.language]?.advice;
  if (translated) return translated;
  return m.untranslatedNotice ? `${m.untranslatedNotice} ${topic.advice}` : topic.advice;
}

export interface EscalationSettings {
  misunderstandingsBeforeOffer: number;
  frustrationSentiment: number;
  frustrationWords: string[];
  alwaysHumanTopics: readonly AlwaysHumanTopic[];
}

/** The intent prefix of always-a-person topics learnt by meaning. */
export const PERSON_INTENT_PREFIX = 'person.';

export interface PatronTurnSignal {
  text: string;
  /** The recognizer's top intent ("human" when it heard a request for a person). */
  intent?: string;
  /** Misunderstood messages in a row, counting this one. */
  misunderstoodInARow?: number;
  /** The bot hit a failure it cannot recover from (the library system is down). */
  unrecoverableFailure?: boolean;
}

// Asking for a person in so many words; checked on every message, even in the middle of a dialog.
const explicitPatterns: RegExp[] = [
  /\b(talk|speak|chat|connect me|put me through)\s+(to|with)\s+(a |an |the |some )?(real |live |actual )?(person|human|librarian|someone|somebody|staff( member)?|agent|people)\b/,
  /\b(real|live|actual)\s+(person|human|librarian|agent)\b/,
  /\b(can|could|may) i (get|have) (a |an )?(person|human|librarian|agent)\b/,
  /^(a )?(human|agent|person|librarian|operator|representative)( please| pls)?$/,
  /\bi (want|need) (a |an |to talk to a )?(human|person|librarian|agent)\b/,
  // Spanish, as patrons type it (accents folded, "porfa", "xfa").
  /\b(hablar|chatear|platicar|comunicarme|hablarme)\s+con\s+(una |un |el |la |alguna )?(persona|humano|humana|bibliotecari[oa]|alguien|empleado|empleada|agente|personal|representante)\b/,
  /\b(persona|humano|agente) (real|de verdad)\b/,
  /^(una |un )?(persona|humano|humana|agente|bibliotecari[oa]|operador|operadora|representante)( por favor| porfa| xfa| plis)?$/,
  /\b(quiero|necesito|quisiera) (una |un |a una |a un )?(persona|humano|agente|bibliotecari[oa])\b/,
  /\b(ayuda|atencion) de (alguien|una persona|un humano|un bibliotecari[oa])\b/,
  /\b(me (puede|pueden|podria|podrian) (pasar|comunicar)|paseme|comuniqueme) con (alguien|una persona|un humano)\b/,
];

/** Faces that say how the chat is going, as words the sentiment lexicon knows ("😡😡😡" is angry). */
const FEELING_FACES: [RegExp, string][] = [
  [/😡|😠|🤬|😤|👎/gu, ' angry '],
  [/😢|😭|😞|☹️?|🙁|😩|😫/gu, ' sad '],
];

export function normalizeForMatching(text: string): string {
  let words = text;
  for (const [faces, word] of FEELING_FACES) words = words.replace(faces, word);
  return words
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // "atención" matches as "atencion", "¿" goes with the rest
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isExplicitRequestForPerson(text: string): boolean {
  const normalized = normalizeForMatching(text);
  return explicitPatterns.some((pattern) => pattern.test(normalized));
}

/** Configured phrases (topics, frustration words), normalised once: they are checked on every message. */
const normalizedPhrases = new Map<string, string>();
function normalizedPhrase(phrase: string): string {
  let wanted = normalizedPhrases.get(phrase);
  if (wanted === undefined) {
    if (normalizedPhrases.size > 10_000) normalizedPhrases.clear();
    normalizedPhrases.set(phrase, (wanted = normalizeForMatching(phrase)));
  }
  return wanted;
}

function containsPhrase(normalizedText: string, phrase: string): boolean {
  const wanted = normalizedPhrase(phrase);
  if (!wanted) return false;
  return ` ${normalizedText} `.includes(` ${wanted} `);
}

/** Intents that are about the conversation itself rather than a library question. */
const CONVERSATIONAL_INTENTS = new Set([
  'None',
  'human',
  'help',
  'greeting',
  'goodbye',
  'acknowledge',
  'smalltalk',
]);

/** Whether an intent is about the library (hours, a FAQ, holds) rather than the conversation itself. */
export function isLibraryQuestion(intent: string | undefined): boolean {
  return (
    intent !== undefined && !CONVERSATIONAL_INTENTS.has(intent) && !intent.startsWith(PERSON_INTENT_PREFIX)
  );
}

/** The always-a-person topic a message is about: by its intent (meaning) first, then by its phrases. */
export function alwaysHumanTopicOf(
  topics: readonly AlwaysHumanTopic[],
  text: string,
  intent?: string,
): AlwaysHumanTopic | undefined {
  if (intent?.startsWith(PERSON_INTENT_PREFIX)) {
    const id = intent.slice(PERSON_INTENT_PREFIX.length);
    const byMeaning = topics.find((topic) => topic.id === id);
    if (byMeaning) return byMeaning;
  }
  const normalized = normalizeForMatching(text);
  return topics.find((topic) => topic.phrases.some((phrase) => containsPhrase(normalized, phrase)));
}

/** Venting around a question ("ugh", "this is so annoying", "just tell me"): not part of the question. */
const VENTING =
  /\b(ugh+|argh+|omg|ffs|seriously|come on|geez|jeez|for real|wtf|smh|so annoying|this is (so |really |very )?(annoying|ridiculous|useless|frustrating|stupid)|(stupid|dumb|useless) (bot|thing|machine)|i'?ve asked( you)? \w+ times|just tell me|or not|already)\b[\s,.!?]*/gi;

/**
 * The message without its venting and frustration words ("ugh stupid bot when does oak hill close"
 * -> "when does oak hill close"), to find the question a frustrated patron asked; undefined when
 * nothing is left.
 */
export function questionInside(text: string, frustrationWords: readonly string[]): string | undefined {
  let rest = text.replace(VENTING, ' ');
  for (const word of frustrationWords)
    rest = rest.replace(new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'), ' ');
  rest = rest
    .replace(/\s+/g, ' ')
    .replace(/^(?:(?:so|very|really|i'?m|i am|this is|it'?s|just|and|but|now)\b|[\s,.!?])+/i, '')
    .trim();
  return /[a-z]{3}/i.test(rest) ? rest : undefined;
}

/** Whether the message says it is frustrated in so many words (a configured frustration word). */
export function saysFrustrated(text: string, frustrationWords: readonly string[]): boolean {
  const normalized = normalizeForMatching(text);
  return frustrationWords.some((word) => containsPhrase(normalized, word));
}

export class EscalationRules {
  private readonly sentiment = new SentimentAnalyzer('English', PorterStemmer, 'afinn');

  constructor(private readonly settings: EscalationSettings) {}

  /** natural's AFINN score: the average word score, negative for negative messages. */
  sentimentOf(text: string): number {
    const words = normalizeForMatching(text).split(' ').filter(Boolean);
    if (words.length === 0) return 0;
    const score = this.sentiment.getSentiment(words);
    return Number.isFinite(score) ? score : 0;
  }

  /** Undefined when the bot should simply carry on. */
  assess(signal: PatronTurnSignal): EscalationDecision | undefined {
    const normalized = normalizeForMatching(signal.text);
    if (isExplicitRequestForPerson(signal.text)) return { reason: 'explicit', mode: 'handoff' };
    const topic = alwaysHumanTopicOf(this.settings.alwaysHumanTopics, signal.text, signal.intent);
    if (topic) return { reason: 'always-human', mode: 'offer', matched: topic.id };
    if (signal.unrecoverableFailure) return { reason: 'failure', mode: 'offer' };
    const word = this.settings.frustrationWords.find((w) => containsPhrase(normalized, w));
    if (word) return { reason: 'frustrated', mode: 'offer', matched: word };
    // Sentiment only speaks to how the chat is going when the message is not a library question:
    // "what if I lose a book" or "my DVD is damaged" score negative but want the answer, not an apology.
    const libraryQuestion = isLibraryQuestion(signal.intent);
    // "fine", "ok thanks" and "bye" close a topic; the lexicon reads "fine" as a penalty.
    const closing = ['acknowledge', 'goodbye', 'greeting'].includes(signal.intent ?? '');
    if (
      normalized &&
      !libraryQuestion &&
      !closing &&
      this.sentimentOf(signal.text) <= this.settings.frustrationSentiment
    ) {
      return { reason: 'frustrated', mode: 'offer' };
    }
    // After the frustration checks: a classifier may also label "this is useless" as wanting a
    // person, and a frustrated patron is offered, not transferred.
    if (signal.intent === 'human') return { reason: 'explicit', mode: 'handoff' };
    if ((signal.misunderstoodInARow ?? 0) >= this.settings.misunderstandingsBeforeOffer) {
      return { reason: 'misunderstood', mode: 'offer' };
    }
    return undefined;
  }
}

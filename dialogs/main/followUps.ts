// The main dialog's rules for reading a message against the conversation so far: whole-message
// commands, a bare follow-up of the last answer ("and on Sunday?", "what about Eastside?"), and when
// two intents are close enough to ask which. Plain functions over recognitions, tested on their own.
import { audienceForAge } from '../../recognizers/entities/audience';
import type { LibraryIntent, LibraryRecognition } from '../../recognizers/libraryRecognition';
import { CATALOGS } from '../../library/language/catalog';
import { maskNumbersIn } from '../../library/privacy';
import { isShortReply } from '../../recognizers/replies';
import type { RequestPart } from '../../recognizers/requests';
export { hintedIntent } from '../../recognizers/requests';
import { DAY_SHIFT, isMoreRequest, type FollowUpKind, type TopicMemory } from './conversationTopic';

/** Whole-message commands; "cancel my hold" is a holds question, "cancel" alone is not. */
export const CANCEL =
  /^\s*(cancel|cancel that|start over|start again|restart|reset|never ?mind|forget it)\s*[.!]*\s*$/i;
export const FORGET_ME =
  /\b(forget me|forget (about )?(me|my (preferences|interests|details|info(rmation)?))|delete my (preferences|interests|data|details|info(rmation)?))\b/i;

/** Words that point back at the previous answer's subject. */
const POINTING_BACK = /\b(it|its|it's|they|them|there|that one|same)\b/i;

/** Openings of a bare follow-up: "and on Sunday?", "what about Eastside?", "wat about riverside". */
/** "and ...", "what about ...", "y el ...": every language's openings of a follow-up (the catalogs'). */
const FOLLOW_UP_OPENINGS = Object.values(CATALOGS).map((m) => m.followUpOpening);
const opensFollowUp = (text: string) => FOLLOW_UP_OPENINGS.some((opening) => opening.test(text));

/** A recognizer score this high at a question means a new request rather than an answer. */
const CONFIDENT = 0.8;

/** Small talk is not a new request: "ok thanks" at a question still waits for its answer. */
const CONVERSATIONAL: readonly string[] = ['None', 'greeting', 'goodbye'];

/** At one of the bot's questions: is this message confidently a request of its own? */
export function isConfidentRequest(recognition: LibraryRecognition): boolean {
  return recognition.score >= CONFIDENT && !CONVERSATIONAL.includes(recognition.intent);
}

/** An intent this likely is worth a "did you mean" even when the recognizer answered None. */
const LIKELY_SCORE = 0.4;

export interface ReadingSettings {
  /** Below this top score a message counts as not understood. */
  minConfidence: number;
  /** Two intents whose scores differ by less than this are "close": the bot asks which. */
  closeMargin: number;
}

/** A plain answer ("2", "yes", "more") is for the waiting question, whatever a classifier makes of it. */
export function isPlainAnswer(text: string): boolean {
  return isShortReply(text) || isMoreRequest(text);
}

export function isUnsure(recognition: LibraryRecognition, settings: ReadingSettings): boolean {
  return recognition.intent === 'None' || recognition.score < settings.minConfidence;
}

/**
 * "and on Sunday?" after an hours answer is about hours; so is "what about Eastside?".
 * `routed` says whether the last answer's intent still has a dialog.
 */
export function followUpKind(
  recognition: LibraryRecognition,
  last: TopicMemory | undefined,
  routed: boolean,
  settings: ReadingSettings,
): FollowUpKind | undefined {
  if (!last || !routed) return undefined;
  const entities = recognition.entities;
  const hasContext = Boolean(
    entities.branch || entities.place || entities.date || entities.audience || entities.topics?.length,
  );
  const weakIntent = isUnsure(recognition, settings);
  const sameIntent = recognition.intent === last.intent;
  const short = recognition.text.trim().split(/\s+/).length <= 4;
  if (!hasContext) {
    // "and the day after?" after a day's hours; "how do I get there by bus?" after a branch's address.
    if (last.topic === 'hours' && DAY_SHIFT.test(recognition.text) && (weakIntent || sameIntent || short))
      return 'weak';
    return sameIntent && POINTING_BACK.test(recognition.text) ? 'weak' : undefined;
  }
  // The patron's words after texting shorthand is expanded: "wat about" is "what about".
  const bare = opensFollowUp(recognition.text) || opensFollowUp(recognition.normalizedText);
  // A bare day or branch ("on saturday", "eastside") after an answer keeps the rest of that answer;
  // "what's on tomorrow" or "lego events" is a new question and starts afresh.
  const others = otherWords(recognition);
  if (
    !entities.topics?.length &&
    !entities.audience &&
    (others === 0 || (others === 1 && (sameIntent || weakIntent)))
  )
    return 'weak';
  if (bare && (weakIntent || short || sameIntent)) return 'weak';
  // "where is it on saturday?" after the bookmobile's hours: "it" points back at the last answer.
  if (weakIntent && (short || POINTING_BACK.test(recognition.text))) return 'weak';
  return undefined;
}

/**
 * What to ask about instead of guessing: the top two things the bot can do when their scores are
 * close, or the one likely thing when the recognizer said None but leaned clearly one way. Only
 * intents with a label (something the bot can name) count.
 */
export function closeIntents(
  recognition: LibraryRecognition,
  labelled: (intent: string) => boolean,
  settings: ReadingSettings,
): LibraryIntent[] | undefined {
  const ranked = Object.entries(recognition.intents)
    .filter(([intent]) => intent !== 'None' && labelled(intent))
    .sort((a, b) => b[1] - a[1]) as [LibraryIntent, number][];
  if (ranked.length === 0) return undefined;
  const unsure = isUnsure(recognition, settings);
  if (!unsure && recognition.intent !== ranked[0][0]) return undefined;
  const [[first, top], [second, next] = ['None' as LibraryIntent, 0]] = ranked;
  if (second !== 'None' && top - next < settings.closeMargin && next >= LIKELY_SCORE / 2)
    return [first, second];
  return unsure && top >= LIKELY_SCORE ? [first] : undefined;
}

/**
 * A message kept in conversation state while the bot asks a question about it, with long digit runs
 * (a card number typed by mistake) masked: state never holds a card number or PIN.
 */
export function withoutLongNumbers(recognition: LibraryRecognition): LibraryRecognition {
  return {
    ...recognition,
    text: maskNumbersIn(recognition.text),
    normalizedText: maskNumbersIn(recognition.normalizedText),
    // Every intent's probability is not needed later, and its long decimals are digits kept for nothing.
    intents: {},
  };
}

/** Words besides a day, branch or stop ("on saturday": 0; "eastside then?": 1); Infinity without a name. */
function otherWords(recognition: LibraryRecognition): number {
  const { date, branch, place } = recognition.entities;
  if (!date && !branch && !place) return Infinity;
  let rest = recognition.normalizedText.toLowerCase();
  for (const said of [date?.text, branch?.text, place?.text])
    if (said) rest = rest.replace(said.toLowerCase(), ' ');
  return rest.split(/[^a-z']+/).filter((w) => w && !FILLER.has(w)).length;
}

/** The message is just a day, branch or stop, with at most one other word. */
function onlyNames(recognition: LibraryRecognition): boolean {
  return otherWords(recognition) <= 1;
}

/** Words around a bare name that add nothing ("what about the oak hill one?", "y la de oak hill?"). */
const FILLER = new Set(Object.values(CATALOGS).flatMap((m) => m.fillerWords));

/** Requests that need a question back (sign-in, a person): answered after the others in a message. */
export function asksBack(part: RequestPart): boolean {
  return /^(holds\.|human$|person\.)/.test(part.recognition.intent);
}

/**
 * The answer a correction is about: the last one, or, after a message with several requests, the
 * latest of their answers whose question had the thing the correction names ("no, I meant Oak Hill"
 * after Eastside's hours and the Wi-Fi is about the hours).
 */
export function correctionTarget(
  said: LibraryRecognition,
  last: TopicMemory | undefined,
  answeredTogether: readonly TopicMemory[] | undefined,
): TopicMemory | undefined {
  if (!answeredTogether || answeredTogether.length < 2) return last;
  const named = said.entities;
  const fits = (answer: TopicMemory): boolean => {
    const query = answer.query as { branchId?: string; place?: string; start?: string };
    if ((named.branch || named.place) && (query.branchId || query.place)) return true;
    if (named.date && query.start) return true;
    return (
      Boolean(named.audience) &&
      answer.topic === 'programs' &&
      Boolean(answer.query.audience || answer.query.ages)
    );
  };
  return [...answeredTogether].reverse().find(fits) ?? last;
}

/**
 * What a correction asks ("sorry i meant oak hill" after an hours answer): the last answer's intent
 * with the named slot changed (a weak follow-up), or a new question when the words after the
 * correction are one. A bare number after programs for an age is the age ("no, 13").
 */
export function correctedRecognition(
  said: LibraryRecognition,
  last: TopicMemory | undefined,
  settings: ReadingSettings,
): { recognition: LibraryRecognition; followUp: boolean } | undefined {
  if (!last) return isUnsure(said, settings) ? undefined : { recognition: said, followUp: false };
  const age = /^\s*(\d{1,2})\s*(?:years? old|yrs?|yo)?\s*$/.exec(said.text);
  if (age && last.topic === 'programs' && (last.query.age !== undefined || last.query.ages)) {
    const years = Number(age[1]);
    const audience = {
      audience: audienceForAge(years),
      text: age[0],
      age: years,
      ages: { min: years, max: years },
      label: `${/^(8|11|18)$/.test(age[1]) ? 'an' : 'a'} ${years}-year-old`,
    };
    return {
      recognition: { ...said, intent: last.intent, entities: { ...said.entities, audience } },
      followUp: true,
    };
  }
  const entities = said.entities;
  const names = Boolean(
    entities.branch ||
    entities.place ||
    entities.date ||
    entities.audience ||
    entities.topics?.length ||
    entities.title,
  );
  const unsure = isUnsure(said, settings);
  // "oak hill", "what about saturday", "my 8 year old": the slot changes, the question stays.
  const short = said.text.trim().split(/\s+/).length <= 5;
  const bare = onlyNames(said) || opensFollowUp(said.normalizedText) || unsure || short;
  if (names && (bare || said.intent === last.intent))
    return { recognition: { ...said, intent: last.intent }, followUp: true };
  return unsure ? undefined : { recognition: said, followUp: false };
}

// What the main dialog remembers between questions so follow-ups keep their context
// ("and on Sunday?" keeps the branch, "what about Eastside?" keeps the day), and what a routed
// dialog hands back when it finishes.
import type { AgeRange } from '../../library/programs/ages';
import type { Audience, LibraryIntent, LibraryRecognition } from '../../recognizers/libraryRecognition';

export interface HoursQuery {
  branchId?: string;
  /** A stop of a mobile branch ("Maple Senior Center"). */
  place?: string;
  /** Asked about right now ("open now", "tonight"). */
  now?: boolean;
  /** yyyy-MM-dd; absent means "now". */
  start?: string;
  end?: string;
  holiday?: string;
}

export interface ProgramsQuery {
  /** yyyy-MM-dd range asked for; absent means the coming week. */
  start?: string;
  end?: string;
  /** The patron's words for those dates ("this weekend"), to say back when they are relative. */
  when?: string;
  branchId?: string;
  audience?: Audience;
  age?: number;
  /** The ages meant (exclusive upper end): one age, or a life stage's span. */
  ages?: AgeRange;
  /** Who it is for, as said back: "a 10-month-old", "toddlers". */
  who?: string;
  topics?: string[];
  /** Words of the message that name programs by title ("matinee", "sensory"). */
  titleWords?: string[];
  /** Look this many days ahead ("when is the next movie matinee"); default a week. */
  aheadDays?: number;
  /** Only programs held in this language ("cuentos en español"). */
  language?: string;
}

export interface FaqQuery {
  id: string;
  branchId?: string;
}

export type TopicMemory =
  | { topic: 'hours'; intent: LibraryIntent; query: HoursQuery }
  | { topic: 'programs'; intent: LibraryIntent; query: ProgramsQuery }
  | { topic: 'faq'; intent: LibraryIntent; query: FaqQuery };

/**
 * `weak`: a bare follow-up ("and on Sunday?", "what about Eastside?"): keep everything not said again.
 * `strong`: a new full question on the same topic: keep only the branch (the main dialog does not use it
 * today; a full question starts afresh).
 */
export type FollowUpKind = 'weak' | 'strong';

/** What a routed dialog is started with. */
export interface RoutedDialogOptions {
  recognition: LibraryRecognition;
  previous?: TopicMemory;
  followUp?: FollowUpKind;
  /** The bot already asked in this conversation whether to remember the patron's interests. */
  askedToRemember?: boolean;
  /**
   * One of several requests in one message: answer without an optional question back (which branch's
   * details, remembering interests), so the other requests are answered in the same reply.
   */
  partOfSeveral?: boolean;
}

/** What a routed dialog ends with. */
export type RoutedDialogResult =
  | { kind: 'answered'; memory?: TopicMemory; askedToRemember?: boolean }
  /** The patron said something that was not an answer to the dialog's question: route it afresh. */
  | { kind: 'unhandled'; text: string; memory?: TopicMemory; askedToRemember?: boolean };

/** The value a "more" button sends, and the words that mean the same. */
export const MORE_VALUE = 'more';
export function isMoreRequest(text: string): boolean {
  return /^\s*(more|show more|next|next page|more please|see more|\+)\s*[.!]*\s*$/i.test(text);
}

/** The day after or before the one just answered ("and the day after?"). */
export const DAY_SHIFT = /\b(the )?(day|night) (after|before)\b|\bnext day\b/i;

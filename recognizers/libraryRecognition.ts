// Our own recognition result: dialogs depend on this type only, never on a classifier's shape.
import type { AgeRange } from '../library/programs/ages';
import type { Audience } from '../library/programs/program';

/** The fixed intents; FAQ intents (`faq.<id>`) come from the library's configuration. */
export type CoreIntent =
  | 'greeting'
  | 'help'
  | 'goodbye'
  | 'hours'
  | 'holds.list'
  | 'holds.place'
  | 'holds.cancel'
  | 'holds.change'
  | 'account.checkouts'
  | 'account.renew'
  | 'account.fines'
  | 'programs'
  | 'human'
  /** "ok", "got it", a thumbs up: the patron read the answer. */
  | 'acknowledge'
  /** Who the bot is, compliments, laughter, a book emoji on its own. */
  | 'smalltalk'
  /** A library question the bot cannot answer here (study rooms, reading advice, faxing). */
  | 'library.other'
  | 'None';
export type FaqIntent = `faq.${string}`;
/** An always-a-person topic learnt by meaning (`escalation.alwaysHumanTopics[].id`). */
export type PersonIntent = `person.${string}`;
export type LibraryIntent = CoreIntent | FaqIntent | PersonIntent;

/** A branch named in the message, resolved against the configured names and aliases. */
export interface BranchMention {
  branchId: string;
  text: string;
}

/** A stop of a mobile branch (the Bookmobile's "Maple Senior Center"), by its configured place. */
export interface PlaceMention {
  branchId: string;
  place: string;
  text: string;
}

/** A date or date range resolved in the library's time zone (ISO dates, inclusive). */
export interface DateMention {
  text: string;
  /** yyyy-MM-dd, the first day meant. */
  start: string;
  /** yyyy-MM-dd, the last day meant (same as start for one day). */
  end: string;
  /** A time of day when one was said ("tonight", "at 6pm"): HH:mm in the library's time zone. */
  time?: string;
  /** A holiday named in the message, as configured ("Thanksgiving Day"). */
  holiday?: string;
}

export type { Audience };

export interface AudienceMention {
  audience: Audience;
  text: string;
  /** An age in whole years when one was said ("my 5 year old"; 0 for "my 8 month old"). */
  age?: number;
  /** The ages meant (exclusive upper end): one age (min = max, 0.67 for 8 months) or a life stage's span. */
  ages?: AgeRange;
  /** How to say who it is for: "a 4-year-old", "a 10-month-old", "toddlers", "preschoolers". */
  label?: string;
}

export interface LibraryEntities {
  branch?: BranchMention;
  /** A stop of a mobile branch; `branch` is then that branch too, unless another was named. */
  place?: PlaceMention;
  date?: DateMention;
  audience?: AudienceMention;
  /** Program topics such as "crafts", "coding", "book club". */
  topics?: string[];
  /** For holds: a title and/or author from the message ("The Midnight Library by Matt Haig"). */
  title?: string;
  author?: string;
  /** A number the patron typed ("2" when choosing the second item). */
  number?: number;
}

export interface LibraryRecognition {
  text: string;
  normalizedText: string;
  intent: LibraryIntent;
  score: number;
  /** Every intent's calibrated probability, summing to about 1. */
  intents: Record<string, number>;
  entities: LibraryEntities;
}

/** What dialogs need from a recognizer; index.ts injects it, tests can replace it. */
export interface PatronMessageRecognizer {
  /** `language`: the conversation's language this turn (its model is used), when there is a conversation. */
  recognize(text: string, now?: Date, language?: string): LibraryRecognition;
}

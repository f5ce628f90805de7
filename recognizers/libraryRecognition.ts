// Our own recognition result: dialogs depend on this type only, never on a classifier's shape.
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
  | 'None';
export type FaqIntent = `faq.${string}`;
export type LibraryIntent = CoreIntent | FaqIntent;

/** A branch named in the message, resolved against the configured names and aliases. */
export interface BranchMention {
  branchId: string;
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
  /** An age when one was said ("my 5 year old"). */
  age?: number;
}

export interface LibraryEntities {
  branch?: BranchMention;
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
  recognize(text: string, now?: Date): LibraryRecognition;
}

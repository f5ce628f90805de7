// Builds the hours, programs and FAQ capabilities from the library's configuration, ready to hand to
// MainDialog: one call in the composition root instead of a dozen constructors.
import type { UserState } from 'botbuilder';
import type { LoadedLibraryConfig } from '../../config/libraryConfig';
import { FaqService } from '../../library/faq/faqService';
import { HoursService } from '../../library/hours/hoursService';
import { ProgramCatalog } from '../../library/programs/catalog';
import { feedSources } from '../../library/programs/feeds';
import type { PatronPreferences } from '../../library/programs/preferences';
import type { PatronMessageRecognizer } from '../../recognizers/libraryRecognition';
import { FaqDialog } from '../../dialogs/faq/faqDialog';
import { HoursDialog } from '../../dialogs/hours/hoursDialog';
import type { IntentRoute, MainDialogOptions } from '../../dialogs/main/mainDialog';
import { PatronPreferencesState } from '../../dialogs/programs/patronPreferencesState';
import { ProgramsDialog } from '../../dialogs/programs/programsDialog';

export interface LibraryConversationOptions {
  library: LoadedLibraryConfig;
  recognizer: PatronMessageRecognizer;
  /** Remembered program interests and home branch live here (only with consent). */
  userState: UserState;
  now?: () => Date;
  /** For HTTP program feeds; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** A program feed that cannot be read or parsed (the others still answer). */
  onFeedError?: (feed: string, error: Error) => void;
}

export interface LibraryConversation {
  hours: HoursService;
  catalog: ProgramCatalog;
  faq: FaqService;
  preferences: PatronPreferencesState;
  /** hours, programs and faq.* routes; add the holds and human routes next to them. */
  routes: IntentRoute[];
  /** Spread into `new MainDialog({...})`. */
  mainDialogOptions: Required<
    Pick<MainDialogOptions, 'faq' | 'preferences' | 'misunderstandingsBeforeOffer'>
  >;
}

export const PREFERENCES_PROPERTY = 'programPreferences';

export function createLibraryConversation(options: LibraryConversationOptions): LibraryConversation {
  const { config, directory } = options.library;
  const clock = options.now ?? (() => new Date());
  const hours = new HoursService(config, clock);
  const catalog = new ProgramCatalog({
    sources: feedSources(config.programs.feeds, directory, {
      refreshMinutes: config.programs.refreshMinutes,
      fetch: options.fetch,
    }),
    zone: config.library.timeZone,
    branches: config.branches,
    // A program on a day its branch is closed for a holiday is not happening.
    isClosedDay: (branchId, date) => {
      const day = hours.day(branchId, date);
      return day.closed && Boolean(day.note);
    },
    onFeedError: options.onFeedError,
  });
  const faq = new FaqService(config.faq, config.branches);
  const preferences = new PatronPreferencesState(
    options.userState.createProperty<PatronPreferences | undefined>(PREFERENCES_PROPERTY),
    config.privacy.rememberPreferences,
    clock,
  );
  const recognizer = options.recognizer;
  return {
    hours,
    catalog,
    faq,
    preferences,
    routes: [
      { intents: ['hours'], dialog: new HoursDialog(hours, recognizer) },
      { intents: ['programs'], dialog: new ProgramsDialog({ catalog, hours, recognizer, preferences }) },
      { intents: ['faq.*'], dialog: new FaqDialog(faq, recognizer, clock) },
    ],
    mainDialogOptions: {
      faq: config.faq,
      preferences,
      misunderstandingsBeforeOffer: config.escalation.misunderstandingsBeforeOffer,
    },
  };
}

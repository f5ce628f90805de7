// Programs and events: the iCalendar feeds, the patron's remembered interests (with consent) and the
// programs dialog.
import type { PatronPreferences } from '../../library/programs/preferences';
import { ProgramCatalog } from '../../library/programs/catalog';
import { feedSources } from '../../library/programs/feeds';
import type { HoursService } from '../../library/hours/hoursService';
import { PatronPreferencesState } from '../../dialogs/programs/patronPreferencesState';
import { ProgramsDialog } from '../../dialogs/programs/programsDialog';
import type { Capability, CapabilityDeps } from './capability';

export const PREFERENCES_PROPERTY = 'programPreferences';

export interface ProgramsCapability extends Capability {
  catalog: ProgramCatalog;
  /** "forget me" deletes what is remembered here. */
  preferences: PatronPreferencesState;
}

export interface ProgramsOptions {
  hours: HoursService;
  /** For HTTP program feeds; the global fetch otherwise. */
  fetch?: typeof fetch;
}

export function programsCapability(deps: CapabilityDeps, options: ProgramsOptions): ProgramsCapability {
  const { config, directory } = deps.library;
  const catalog = new ProgramCatalog({
    sources: feedSources(config.programs.feeds, directory, {
      refreshMinutes: config.programs.refreshMinutes,
      fetch: options.fetch,
    }),
    zone: config.library.timeZone,
    branches: config.branches,
    // Closures and early closings are checked by the dialog, which says which programs they take off.
    onFeedError: (feed, error) => deps.logger.warn({ feed, err: error }, 'a program feed could not be read'),
  });
  const preferences = new PatronPreferencesState(
    deps.userState.createProperty<PatronPreferences | undefined>(PREFERENCES_PROPERTY),
    config.privacy.rememberPreferences,
    deps.clock,
  );
  const dialog = new ProgramsDialog({
    catalog,
    hours: options.hours,
    recognizer: deps.recognizer,
    preferences,
    topics: config.programs.topics,
  });
  return {
    name: 'programs',
    catalog,
    preferences,
    routes: [{ intents: ['programs'], dialog, names: (text) => catalog.namesProgram(text) }],
    // Reads and expands the feeds before serving so the first patron who asks does not wait; never throws.
    start: async () => void catalog.prepare(deps.clock()),
  };
}

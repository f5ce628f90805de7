// Holds: the library system (the embedded demo on SQLite in the data folder, or SIP2 with SRU,
// wrapped with the configured time limit), patron sign-in (card + PIN, or Entra ID) with its sessions,
// throttles and pending sign-ins in the shared state storage, the sensitive-input gate (kept in
// conversation state) and its middleware (first on the adapter), the holds and sign-out dialogs, the
// Entra return page, a readiness check and the daily purge of ended sign-in records.
import type { TurnContext } from 'botbuilder';
import { useSavedLanguage } from '../../bots/languageHook';
import { SensitiveInputMiddleware } from '../../bots/sensitiveInputMiddleware';
import { END_SESSION_EVENT } from '../../channels/pageEvents';
import type { HoldsDialogDeps } from '../../dialogs/holds/holdsCommon';
import { isSignOutRequest, type HoldsWording } from '../../dialogs/holds/holdsReplies';
import { CancelHoldDialog } from '../../dialogs/holds/cancelHoldDialog';
import { ChangeHoldDialog } from '../../dialogs/holds/changeHoldDialog';
import { HoldsListDialog } from '../../dialogs/holds/holdsListDialog';
import { PatronSignOutDialog } from '../../dialogs/holds/patronSignOutDialog';
import { PlaceHoldDialog } from '../../dialogs/holds/placeHoldDialog';
import { conversationKey } from '../../dialogs/turnState';
import { guardLibrarySystem } from '../../library/librarySystem/guardedLibrarySystem';
import type { LibrarySystem } from '../../library/librarySystem/librarySystem';
import { openLibrarySystem, type LibrarySystemSecrets } from '../../library/librarySystem/openLibrarySystem';
import { PatronSessions } from '../../library/patronSessions/patronSessions';
import { SensitiveInputGate } from '../../library/patronSessions/sensitiveInput';
import { SensitiveInputState } from '../../dialogs/holds/sensitiveInputState';
import { EntraSignIn, type EntraSignInOptions } from '../../library/patronSessions/entraSignIn';
import { registerEntraSignInReturn } from '../entraSignInReturn';
import type { HoursService } from '../../library/hours/hoursService';
import type { Capability, CapabilityDeps } from './capability';
import { PeriodicWork } from './periodicWork';

export interface HoldsOptions {
  /** Another implementation (tests inject faults); the configured one (demo or SIP2) otherwise. */
  librarySystem?: LibrarySystem;
  /** The SIP2 login (index.ts reads the variables librarySystem.loginUserEnv/loginPasswordEnv name). */
  librarySystemSecrets?: LibrarySystemSecrets;
  /** For patronSignIn.method "entra": the client secret (index.ts reads entra.clientSecretEnv). */
  entraClientSecret?: string;
  /** For an identity provider msal-node does not know (tests): trusted hosts and a network client. */
  entraNetwork?: Pick<EntraSignInOptions, 'knownAuthorities' | 'networkClient'>;
  /** Opening hours, so a pick-up-by date is one the pickup branch is open. */
  hours?: HoursService;
}

export interface HoldsCapability extends Capability {
  /** The guarded library system the dialogs use. */
  librarySystem: LibrarySystem;
  sessions: PatronSessions;
  sensitiveInput: SensitiveInputState;
  entra?: EntraSignIn;
  /** The patron session, sign-in and wording the holds dialogs share (the account dialogs reuse them). */
  dialogDeps: HoldsDialogDeps;
  /** Whether this conversation's patron is signed in now (for the staff summary). */
  isSignedIn(context: TurnContext): Promise<boolean>;
}

export function holdsCapability(deps: CapabilityDeps, options: HoldsOptions = {}): HoldsCapability {
  const { config } = deps.library;
  const opened = openLibrarySystem(config, {
    dataDir: deps.settings.dataDir,
    now: deps.clock,
    secrets: options.librarySystemSecrets,
    logger: deps.logger,
    system: options.librarySystem,
  });
  const librarySystem = guardLibrarySystem(opened.system, {
    timeoutMs: config.librarySystem.timeoutMs,
    onFailure: (operation, error) =>
      deps.logger.warn({ operation, err: error }, 'the library system failed or timed out'),
  });
  const now = () => deps.clock().getTime();
  const sessions = new PatronSessions({
    librarySystem,
    storage: deps.storage,
    settings: config.patronSignIn,
    secret: deps.settings.patronKeySecret,
    now,
  });
  const sensitiveInput = new SensitiveInputState(deps.conversationState, new SensitiveInputGate({ now }));
  const entra = entraSignIn(deps, options, { librarySystem, sessions, now, storage: deps.storage });
  const periodic = new PeriodicWork(deps);
  const purge = {
    name: 'patron-sign-in-purge',
    everySeconds: 6 * 60 * 60,
    holdSeconds: 10 * 60,
    run: async () => {
      const purged = await sessions.purge();
      if (purged.deleted > 0) deps.logger.info(purged, 'ended patron sign-in records purged');
    },
  };
  const dialogDeps: HoldsDialogDeps = {
    librarySystem,
    sessions,
    sensitiveInput,
    entra,
    wording: holdsWording(deps, options.hours),
    logger: deps.logger,
    recognizer: deps.recognizer,
  };
  return {
    name: 'holds',
    librarySystem,
    sessions,
    sensitiveInput,
    entra,
    dialogDeps,
    isSignedIn: (context) => sessions.isSignedIn(conversationKey(context.activity)),
    middleware: [new SensitiveInputMiddleware(sensitiveInput, useSavedLanguage(deps.conversationState))],
    patronHooks: [{ onEvent: async (context) => endSessionOnRequest(context, sessions, sensitiveInput) }],
    routes: [
      { intents: ['holds.list'], dialog: new HoldsListDialog(dialogDeps) },
      { intents: ['holds.place'], dialog: new PlaceHoldDialog(dialogDeps) },
      { intents: ['holds.cancel'], dialog: new CancelHoldDialog(dialogDeps) },
      { intents: ['holds.change'], dialog: new ChangeHoldDialog(dialogDeps) },
      { intents: [], dialog: new PatronSignOutDialog(dialogDeps), matches: isSignOutRequest },
    ],
    // The SIP2 login and the SRU catalog are reported separately.
    readiness: opened.readiness,
    registerRoutes: ({ server }) => {
      if (!entra || !config.patronSignIn.entra) return;
      registerEntraSignInReturn(server, {
        entra,
        redirectUrl: config.patronSignIn.entra.redirectUrl,
        libraryName: config.library.name,
        phone: config.library.phone,
        logger: deps.logger,
      });
    },
    start: async () => {
      await periodic.runIfDue(purge);
      periodic.every(purge);
    },
    stop: () => {
      periodic.stop();
      return opened.close();
    },
  };
}

/** "Clear this chat" on a shared computer signs the patron out at once, not at idle expiry. */
async function endSessionOnRequest(
  context: TurnContext,
  sessions: PatronSessions,
  sensitiveInput: SensitiveInputState,
): Promise<void> {
  if (context.activity.name !== END_SESSION_EVENT) return;
  await sessions.signOut(conversationKey(context.activity));
  await sensitiveInput.forget(context);
}

function holdsWording(deps: CapabilityDeps, hours?: HoursService): HoldsWording {
  const { config } = deps.library;
  const branchNames = new Map(config.branches.map((b) => [b.id, b.name]));
  return {
    library: { name: config.library.name, phone: config.library.phone, website: config.library.website },
    branchName: (id) => branchNames.get(id) ?? id,
    ...(hours ? { lastOpenDay: (id: string, date: string) => hours.lastOpenDay(id, date) } : {}),
  };
}

function entraSignIn(
  deps: CapabilityDeps,
  options: HoldsOptions,
  parts: Pick<EntraSignInOptions, 'librarySystem' | 'sessions' | 'now' | 'storage'>,
): EntraSignIn | undefined {
  const { patronSignIn } = deps.library.config;
  if (patronSignIn.method !== 'entra') return undefined;
  const entraConfig = patronSignIn.entra;
  if (!entraConfig || !options.entraClientSecret) {
    throw new Error('patronSignIn.method "entra" needs patronSignIn.entra and its client secret');
  }
  return new EntraSignIn({
    authority: entraConfig.authority,
    clientId: entraConfig.clientId,
    clientSecret: options.entraClientSecret,
    redirectUrl: entraConfig.redirectUrl,
    patronClaim: entraConfig.patronClaim,
    ...parts,
    ...options.entraNetwork,
  });
}

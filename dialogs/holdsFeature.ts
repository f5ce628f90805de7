// Everything the holds capability needs, built from the library's configuration in one call, so the
// composition root wires it with a few lines: the library system (demo on SQLite in the data folder,
// or SIP2 with SRU, wrapped with the configured time limit), patron sessions, the sensitive-input gate and its
// middleware, the dialogs as MainDialog routes, and a readiness check for /readyz.
import type { LibraryConfig } from '../config/libraryConfig';
import { SensitiveInputMiddleware } from '../bots/sensitiveInputMiddleware';
import { guardLibrarySystem } from '../library/librarySystem/guardedLibrarySystem';
import type { LibrarySystem } from '../library/librarySystem/librarySystem';
import { openLibrarySystem, type LibrarySystemSecrets } from '../library/librarySystem/openLibrarySystem';
import { isSignOutRequest, type HoldsWording } from '../library/holds/holdsReplies';
import { PatronSessions } from '../library/patronSessions/patronSessions';
import { SensitiveInputGate } from '../library/patronSessions/sensitiveInput';
import { EntraSignIn, type EntraSignInOptions } from '../library/patronSessions/entraSignIn';
import type { PatronMessageRecognizer } from '../recognizers/libraryRecognition';
import type { IntentRoute } from './mainDialog';
import type { HoldsDialogDeps, HoldsLogger } from './holdsCommon';
import { CancelHoldDialog } from './cancelHoldDialog';
import { HoldsListDialog } from './holdsListDialog';
import { PatronSignOutDialog } from './patronSignOutDialog';
import { PlaceHoldDialog } from './placeHoldDialog';

export interface HoldsFeatureOptions {
  config: LibraryConfig;
  /** The bot's data folder; the demo library system keeps demo-library-system.sqlite there. */
  dataDir: string;
  /** settings.patronKeySecret: keys card numbers for throttling and logs. */
  patronKeySecret: string;
  logger?: HoldsLogger;
  now?: () => Date;
  /** Another implementation (tests inject faults); the configured one (demo or SIP2) when absent. */
  librarySystem?: LibrarySystem;
  /** The SIP2 login (index.ts reads the variables librarySystem.loginUserEnv/loginPasswordEnv name). */
  librarySystemSecrets?: LibrarySystemSecrets;
  /** For patronSignIn.method "entra": the client secret (index.ts reads entra.clientSecretEnv). */
  entraClientSecret?: string;
  /** The bot's recognizer, so a new request typed at "what should I look for?" is routed, not searched. */
  recognizer?: PatronMessageRecognizer;
  /** For an identity provider msal-node does not know (tests): trusted hosts and a network client. */
  entraNetwork?: Pick<EntraSignInOptions, 'knownAuthorities' | 'networkClient'>;
}

export interface HoldsFeature {
  /** Add to MainDialog's routes: holds.list, holds.place, holds.cancel and "sign out". */
  routes: IntentRoute[];
  /** adapter.use(...) it BEFORE any logging or transcript middleware. */
  middleware: SensitiveInputMiddleware;
  sessions: PatronSessions;
  sensitiveInput: SensitiveInputGate;
  /** The guarded library system the dialogs use. */
  librarySystem: LibrarySystem;
  /** One check per part of the library system (SIP2 login and SRU catalog separately). */
  readiness: { name: string; check: () => Promise<void> }[];
  /**
   * With patronSignIn.method "entra": mount a GET route at entra.redirectUrl's path that calls
   * `entra.complete(req.query)` and shows a short "you're signed in, return to the chat" page.
   */
  entra?: EntraSignIn;
  close(): void;
}

export function createHoldsFeature(options: HoldsFeatureOptions): HoldsFeature {
  const { config } = options;
  const now = options.now ?? (() => new Date());
  const opened = openLibrarySystem(config, {
    dataDir: options.dataDir,
    now,
    secrets: options.librarySystemSecrets,
    logger: options.logger,
    system: options.librarySystem,
  });
  const librarySystem = guardLibrarySystem(opened.system, {
    timeoutMs: config.librarySystem.timeoutMs,
    onFailure: (operation, error) =>
      options.logger?.warn({ operation, err: error }, 'the library system failed or timed out'),
  });
  const sessions = new PatronSessions({
    librarySystem,
    settings: config.patronSignIn,
    secret: options.patronKeySecret,
    now: () => now().getTime(),
  });
  const sensitiveInput = new SensitiveInputGate({ now: () => now().getTime() });
  const branchNames = new Map(config.branches.map((b) => [b.id, b.name]));
  const wording: HoldsWording = {
    library: { name: config.library.name, phone: config.library.phone, website: config.library.website },
    branchName: (id) => branchNames.get(id) ?? id,
  };
  let entra: EntraSignIn | undefined;
  const entraConfig = config.patronSignIn.entra;
  if (config.patronSignIn.method === 'entra') {
    if (!entraConfig || !options.entraClientSecret) {
      throw new Error('patronSignIn.method "entra" needs patronSignIn.entra and its client secret');
    }
    entra = new EntraSignIn({
      authority: entraConfig.authority,
      clientId: entraConfig.clientId,
      clientSecret: options.entraClientSecret,
      redirectUrl: entraConfig.redirectUrl,
      patronClaim: entraConfig.patronClaim,
      librarySystem,
      sessions,
      now: () => now().getTime(),
      ...options.entraNetwork,
    });
  }
  const deps: HoldsDialogDeps = {
    librarySystem,
    sessions,
    sensitiveInput,
    wording,
    logger: options.logger,
    entra,
    recognizer: options.recognizer,
  };
  return {
    routes: [
      { intents: ['holds.list'], dialog: new HoldsListDialog(deps) },
      { intents: ['holds.place'], dialog: new PlaceHoldDialog(deps) },
      { intents: ['holds.cancel'], dialog: new CancelHoldDialog(deps) },
      { intents: [], dialog: new PatronSignOutDialog(deps), matches: isSignOutRequest },
    ],
    middleware: new SensitiveInputMiddleware(sensitiveInput),
    sessions,
    sensitiveInput,
    librarySystem,
    readiness: opened.readiness,
    entra,
    close: () => opened.close(),
  };
}

// Everything the holds capability needs, built from the library's configuration in one call, so the
// composition root wires it with a few lines: the library system (demo on SQLite in the data folder,
// wrapped with the configured time limit), patron sessions, the sensitive-input gate and its
// middleware, the dialogs as MainDialog routes, and a readiness check for /readyz.
import type { LibraryConfig } from '../config/libraryConfig';
import { SensitiveInputMiddleware } from '../bots/sensitiveInputMiddleware';
import { guardLibrarySystem } from '../library/librarySystem/guardedLibrarySystem';
import type { LibrarySystem } from '../library/librarySystem/librarySystem';
import { openDemoLibrarySystem } from '../library/librarySystem/demo/demoLibrarySystem';
import { isSignOutRequest, type HoldsWording } from '../library/holds/holdsReplies';
import { PatronSessions } from '../library/patronSessions/patronSessions';
import { SensitiveInputGate } from '../library/patronSessions/sensitiveInput';
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
  /** Another implementation (tests inject faults); the demo system when absent. */
  librarySystem?: LibrarySystem;
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
  readiness: { name: string; check: () => Promise<void> };
  close(): void;
}

export function createHoldsFeature(options: HoldsFeatureOptions): HoldsFeature {
  const { config } = options;
  const now = options.now ?? (() => new Date());
  let close = () => undefined as void;
  let system = options.librarySystem;
  if (!system) {
    if (config.librarySystem.kind !== 'demo') {
      throw new Error(`librarySystem.kind "${config.librarySystem.kind}" has no connector yet; use "demo"`);
    }
    const demo = openDemoLibrarySystem({
      dataDir: options.dataDir,
      branches: config.branches.map((b) => ({ id: b.id, name: b.name, kind: b.kind })),
      timeZone: config.library.timeZone,
      now,
    });
    system = demo;
    close = () => demo.close();
  }
  const librarySystem = guardLibrarySystem(system, {
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
  const deps: HoldsDialogDeps = { librarySystem, sessions, sensitiveInput, wording, logger: options.logger };
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
    readiness: { name: 'librarySystem', check: () => librarySystem.checkReachable() },
    close,
  };
}

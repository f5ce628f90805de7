// The composition of the bot itself, without HTTP: storage and state, the recognizer, the
// capabilities in order, the main dialog, the patron and staff bots, and the adapter middleware.
// server/libraryBotApp.ts serves it; the tests' harnesses build exactly this on other adapters.
import {
  type BotAdapter,
  type ConversationState,
  type Middleware,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { PatronBot } from '../bots/patronBot';
import { LibraryConversationState, LibraryUserState } from '../bots/savedState';
import {
  retriedActivityFilter,
  sharedDialogMemoryConfiguration,
  turnLoggerMiddleware,
} from '../bots/turnMiddleware';
import type { LoadedLibraryConfig } from '../config/libraryConfig';
import type { RuntimeSettings } from '../config/runtimeSettings';
import { MainDialog } from '../dialogs/main/mainDialog';
import type { Logger } from '../observability/logger';
import type { PatronMessageRecognizer } from '../recognizers/libraryRecognition';
import { createLibraryRecognizer } from '../recognizers/libraryRecognizer';
import { openStateStorage } from '../storage/stateStorage';
import { accountCapability } from './capabilities/account';
import type { Capability, CapabilityDeps, ReadinessCheck } from './capabilities/capability';
import { faqCapability } from './capabilities/faq';
import { handoffCapability, type HandoffCapability, type HandoffOptions } from './capabilities/handoff';
import { holdsCapability, type HoldsCapability, type HoldsOptions } from './capabilities/holds';
import { hoursCapability, type HoursCapability } from './capabilities/hours';
import { languageCapability } from './capabilities/language';
import { programsCapability, type ProgramsCapability } from './capabilities/programs';

/** A Storage the bot can also close and probe (SQLite; other providers may omit both). */
export type BotStorage = Storage & { close?: () => void; checkReachable?: () => Promise<void> };

export interface LibraryBotOptions {
  settings: RuntimeSettings;
  library: LoadedLibraryConfig;
  logger: Logger;
  /** Replaced in tests; the trained recognizer otherwise. */
  recognizer?: PatronMessageRecognizer;
  /** Replaced in tests; the configured provider (STATE_STORAGE: SQLite in the data folder or Azure Blobs) otherwise. */
  storage?: BotStorage;
  now?: () => Date;
  /** Secrets the configuration names by environment variable (index.ts reads them). */
  secrets?: { entraClientSecret?: string; sip2Login?: { user: string; password: string } };
  /** Test seams of the holds capability (a library system with injected faults, a fake identity provider). */
  holds?: Omit<HoldsOptions, 'entraClientSecret' | 'librarySystemSecrets'>;
  handoff?: Pick<HandoffOptions, 'sweepSeconds' | 'staffGroup' | 'staffSignIn'>;
  /** For HTTP program feeds; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** A library's own capabilities (and tests' probes), after the standard ones. */
  moreCapabilities?: Capability[];
}

/** The capabilities by name, for the routes and tests that need one of them. */
export interface LibraryCapabilities {
  holds: HoldsCapability;
  account: Capability;
  hours: HoursCapability;
  programs: ProgramsCapability;
  faq: Capability;
  handoff: HandoffCapability;
}

export interface LibraryBot {
  storage: BotStorage;
  conversationState: ConversationState;
  capabilities: LibraryCapabilities;
  /** In order: the holds' PIN gate first (after the retry filter), so nothing after it sees a PIN. */
  list: readonly Capability[];
  mainDialog: MainDialog;
  /** Adapter middleware, in order. */
  middleware: Middleware[];
  /** One turn: a staff member's activity goes to the staff bot, everything else to the patron bot. */
  runTurn(context: TurnContext): Promise<void>;
  readiness: ReadinessCheck[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createLibraryBot(options: LibraryBotOptions, adapter: BotAdapter): LibraryBot {
  const storage = options.storage ?? openStateStorage(options.settings, options.settings.dataDir);
  const deps: CapabilityDeps = {
    library: options.library,
    settings: options.settings,
    logger: options.logger,
    recognizer:
      options.recognizer ??
      createLibraryRecognizer(options.library.config, {
        modelCacheDirectory: options.settings.modelCacheDir,
      }),
    storage,
    conversationState: new LibraryConversationState(storage),
    userState: new LibraryUserState(storage),
    adapter,
    clock: options.now ?? (() => new Date()),
  };
  const capabilities = createCapabilities(deps, options);
  const list = [
    capabilities.holds,
    languageCapability(deps),
    capabilities.account,
    capabilities.hours,
    capabilities.programs,
    capabilities.faq,
    capabilities.handoff,
    ...(options.moreCapabilities ?? []),
  ];
  const mainDialog = createMainDialog(options, deps, list, capabilities.programs);
  const patronBot = new PatronBot(
    deps.conversationState,
    deps.userState,
    mainDialog,
    list.flatMap((capability) => capability.patronHooks ?? []),
  );
  const roleBots = list.flatMap((capability) => capability.roleBots ?? []);
  return {
    storage,
    conversationState: deps.conversationState,
    capabilities,
    list,
    mainDialog,
    middleware: [
      // A retried activity is dropped before anything else runs (it reads no text and logs none).
      retriedActivityFilter(options.logger, deps.conversationState, storage),
      ...list.flatMap((capability) => capability.middleware ?? []),
      turnLoggerMiddleware(options.logger),
      sharedDialogMemoryConfiguration(),
    ],
    runTurn: async (context) => {
      const roleBot = await findAsync(roleBots, (bot) => bot.handles(context));
      await (roleBot ?? patronBot).run(context);
    },
    readiness: [...list.flatMap((capability) => capability.readiness ?? []), storageReadiness(storage)],
    start: async () => {
      for (const capability of list) await capability.start?.();
    },
    stop: async () => {
      for (const capability of [...list].reverse()) await capability.stop?.();
      storage.close?.();
    },
  };
}

function createMainDialog(
  options: LibraryBotOptions,
  deps: CapabilityDeps,
  list: readonly Capability[],
  programs: ProgramsCapability,
): MainDialog {
  const { config } = options.library;
  return new MainDialog({
    recognizer: deps.recognizer,
    libraryName: config.library.name,
    now: deps.clock,
    routes: list.flatMap((capability) => capability.routes ?? []),
    escalation: list.find((capability) => capability.escalation)?.escalation,
    faq: config.faq,
    preferences: programs.preferences,
    misunderstandingsBeforeOffer: config.escalation.misunderstandingsBeforeOffer,
    contact: {
      phone: config.library.phone,
      website: config.library.website,
      catalogUrl: config.library.catalogUrl,
    },
    alwaysHumanTopics: config.escalation.alwaysHumanTopics,
    frustrationWords: config.escalation.frustrationWords,
  });
}

async function findAsync<T>(
  items: readonly T[],
  test: (item: T) => Promise<boolean>,
): Promise<T | undefined> {
  for (const item of items) if (await test(item)) return item;
  return undefined;
}

/** The composition root's list: each capability gets what it needs from the ones before it. */
function createCapabilities(deps: CapabilityDeps, options: LibraryBotOptions): LibraryCapabilities {
  const hours = hoursCapability(deps);
  const holds = holdsCapability(deps, {
    ...options.holds,
    entraClientSecret: options.secrets?.entraClientSecret,
    librarySystemSecrets: { sip2Login: options.secrets?.sip2Login },
    hours: hours.service,
  });
  const account = accountCapability(deps, holds);
  const programs = programsCapability(deps, { hours: hours.service, fetch: options.fetch });
  const faq = faqCapability(deps);
  const handoff = handoffCapability(deps, { ...options.handoff, isSignedIn: holds.isSignedIn });
  return { holds, account, hours, programs, faq, handoff };
}

function storageReadiness(storage: BotStorage): ReadinessCheck {
  return {
    name: 'storage',
    check: async () => {
      if (storage.checkReachable) return storage.checkReachable();
      await storage.read(['readiness-probe']);
    },
  };
}

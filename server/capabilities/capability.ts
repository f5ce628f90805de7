// One shape for everything the bot can do for a library (hours, programs, FAQ, holds, a person, and
// later account, SMS, languages): what it adds to each layer and its life cycle. The composition
// root (server/libraryBot.ts) lists the capabilities; nothing else knows which ones exist.
import type { BotAdapter, ConversationState, Middleware, Storage, UserState } from 'botbuilder';
import type { Server } from 'restify';
import type { PatronTurnHook, RoleBot } from '../../bots/turnHooks';
import type { LoadedLibraryConfig } from '../../config/libraryConfig';
import type { RuntimeSettings } from '../../config/runtimeSettings';
import type { EscalationHook } from '../../dialogs/handoff/handoffEscalation';
import type { IntentRoute } from '../../dialogs/main/mainDialog';
import type { Logger } from '../../observability/logger';
import type { PatronMessageRecognizer } from '../../recognizers/libraryRecognition';
import type { DirectLineConversations } from '../directLine/directLineConversations';

/** A check /readyz runs: resolves when the part it names can serve, rejects otherwise. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

/** What the HTTP server offers a capability's own routes. */
export interface CapabilityHttp {
  server: Server;
  /** The built-in Direct Line, in local mode only. */
  directLine?: DirectLineConversations;
}

export interface Capability {
  readonly name: string;
  /** Adapter middleware, run in the order the capabilities are listed (the PIN gate comes first). */
  readonly middleware?: readonly Middleware[];
  /** The intents it answers and their dialogs (MainDialog routes). */
  readonly routes?: readonly IntentRoute[];
  /** When to bring in a person (one capability provides it: the handoff). */
  readonly escalation?: EscalationHook;
  readonly patronHooks?: readonly PatronTurnHook[];
  /** Bots for other roles (staff), asked before the patron bot. */
  readonly roleBots?: readonly RoleBot[];
  /** Pages and callbacks it serves. */
  registerRoutes?(http: CapabilityHttp): void;
  readonly readiness?: readonly ReadinessCheck[];
  /** Before the server accepts requests. */
  start?(): Promise<void>;
  /** After the server stopped accepting requests and turns in flight finished. */
  stop?(): void | Promise<void>;
}

/** What every capability is built from (the composition root makes these once). */
export interface CapabilityDeps {
  library: LoadedLibraryConfig;
  settings: RuntimeSettings;
  logger: Logger;
  recognizer: PatronMessageRecognizer;
  storage: Storage;
  conversationState: ConversationState;
  userState: UserState;
  /** For proactive messages (the handoff relay). */
  adapter: BotAdapter;
  clock: () => Date;
}

// Builds the whole bot from settings and the library's configuration: storage, state, recognizer,
// dialogs, adapter and HTTP server. index.ts calls it for real; tests call it on port 0 with a
// temporary data folder, so they exercise exactly what runs in production.
import { ActivityTypes, CloudAdapter, ConversationState, Storage, TurnContext, UserState } from 'botbuilder';
import { join } from 'node:path';
import restify, { Request, Response, Server } from 'restify';
import { createHandoffWiring, type HandoffWiring } from '../bots/handoff/handoffWiring';
import { PatronBot } from '../bots/patronBot';
import { sendReply } from '../channels/renderer';
import type { LoadedLibraryConfig } from '../config/libraryConfig';
import type { RuntimeSettings } from '../config/runtimeSettings';
import { createLibraryConversation } from '../dialogs/libraryConversation';
import { MainDialog } from '../dialogs/mainDialog';
import { createHoldsFeature, type HoldsFeatureOptions } from '../dialogs/holdsFeature';
import { Logger, TURN_LOGGER_KEY, turnLogger } from '../observability/logger';
import { createLibraryRecognizer } from '../recognizers/libraryRecognizer';
import type { PatronMessageRecognizer } from '../recognizers/libraryRecognition';
import { SqliteStorage } from '../storage/sqliteStorage';
import { DirectLineConversations, type DirectLineLimits } from './directLine/directLineConversations';
import { attachDirectLineStreams, registerDirectLineRoutes } from './directLine/directLineRoutes';
import { limitTokenIssuing, type TokenRateLimits } from './directLine/tokenRateLimit';
import { createChannelAuthentication } from './channelAuthentication';
import { guardSockets, hardenServer, restifyLogger } from './httpHardening';
import { GracefulShutdown } from './shutdown';
import { RecentActivities, registerMessagesEndpoint } from './messagesEndpoint';
import { registerStaffConsole } from './staffConsolePage';
import { registerEntraSignInReturn } from './entraSignInReturn';
import { registerWebChatPage } from './webChatPage';

/** Direct Line allows 256K characters per activity; Teams about 100 KB. */
export const MAX_BODY_BYTES = 300 * 1024;

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export interface LibraryBotAppOptions {
  settings: RuntimeSettings;
  library: LoadedLibraryConfig;
  logger: Logger;
  /** Replaced in tests; the trained recognizer otherwise. */
  recognizer?: PatronMessageRecognizer;
  /** Replaced by the storage conformance suite's other providers; SQLite in the data folder otherwise. */
  storage?: Storage & { close?: () => void; checkReachable?: () => Promise<void> };
  now?: () => Date;
  /** Secrets the configuration names by environment variable (index.ts reads them). */
  secrets?: { entraClientSecret?: string };
  /** Tests only: trust a loopback identity provider for Entra sign-in. */
  entraNetwork?: HoldsFeatureOptions['entraNetwork'];
  /** Tests and benchmarks: the built-in Direct Line's limits and the token endpoints' rate limits. */
  directLineLimits?: Partial<DirectLineLimits>;
  tokenRateLimits?: TokenRateLimits;
}

export interface LibraryBotApp {
  server: Server;
  adapter: CloudAdapter;
  storage: Storage;
  /** Present in local mode: the built-in Direct Line. */
  directLine?: DirectLineConversations;
  /** Human handoff: queue, staff bot and timers (tests drive `coordinator.sweep()` directly). */
  handoff: HandoffWiring;
  listen(): Promise<{ port: number; url: string }>;
  /** Stops accepting, lets turns in flight finish, then closes storage. */
  close(): Promise<void>;
}

export const SAFE_TURN_ERROR_MESSAGE =
  "Sorry, something went wrong on our side and I lost track of what we were doing. Let's start again: " +
  'what can I help you with? You can also ask for a person.';

export function createLibraryBotApp(options: LibraryBotAppOptions): LibraryBotApp {
  const { settings, library, logger } = options;
  const config = library.config;
  const storage = options.storage ?? new SqliteStorage(join(settings.dataDir, 'bot-state.sqlite'));
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const recognizer = options.recognizer ?? createLibraryRecognizer(config);

  const conversation = createLibraryConversation({
    library,
    recognizer,
    userState,
    now: options.now,
    onFeedError: (feed, error) => logger.warn({ feed, err: error }, 'a program feed could not be read'),
  });
  // Reads and expands the program feeds now so the first patron who asks does not wait; never throws.
  void conversation.catalog.prepare(options.now?.() ?? new Date());
  // Holds: the library system (demo on SQLite in the data folder), patron sign-in and the holds dialogs.
  const holds = createHoldsFeature({
    config,
    dataDir: settings.dataDir,
    patronKeySecret: settings.patronKeySecret,
    logger,
    now: options.now,
    recognizer,
    entraClientSecret: options.secrets?.entraClientSecret,
    entraNetwork: options.entraNetwork,
  });

  const app = settings.microsoftApp;
  const authentication = createChannelAuthentication(app);
  const adapter = new CloudAdapter(authentication);
  // First, before anything that logs or records a turn: takes the PIN out of the message.
  adapter.use(holds.middleware);

  const handoff = createHandoffWiring({
    config,
    storage,
    conversationState,
    adapter,
    appId: app?.appId ?? '',
    staffPasscode: settings.staffPasscode,
    graph: app?.appPassword ? { clientId: app.appId, clientSecret: app.appPassword } : undefined,
    sendReply,
    logger,
    now: options.now,
  });
  const mainDialog = new MainDialog({
    recognizer,
    libraryName: config.library.name,
    now: options.now,
    ...conversation.mainDialogOptions,
    // A person: the main dialog's "human" route, its offers, and the escalation rules' offers.
    routes: [
      ...conversation.routes,
      ...holds.routes,
      { intents: ['human'], dialog: handoff.escalation.dialog },
    ],
    escalation: handoff.escalation,
  });
  const bot = new PatronBot(conversationState, userState, mainDialog, handoff.patron);

  const recent = new RecentActivities();
  adapter.use(async (context: TurnContext, next: () => Promise<void>) => {
    const activity = context.activity;
    if (
      activity.id &&
      !recent.firstTime(`${activity.channelId}|${activity.conversation?.id}|${activity.id}`)
    ) {
      logger.info(
        { conversationId: activity.conversation?.id, activityId: activity.id },
        'ignored a retried activity',
      );
      return;
    }
    const log = logger.child({
      conversationId: activity.conversation?.id,
      channelId: activity.channelId,
      activityId: activity.id,
    });
    context.turnState.set(TURN_LOGGER_KEY, log);
    log.debug({ type: activity.type }, 'turn');
    await next();
  });

  adapter.onTurnError = async (context, error) => {
    const log = turnLogger(context.turnState, logger);
    log.error(
      {
        err: error,
        conversationId: context.activity.conversation?.id,
        channelId: context.activity.channelId,
        activityType: context.activity.type,
      },
      'a turn failed',
    );
    if (context.activity.type === ActivityTypes.Message) {
      try {
        await context.sendActivity(SAFE_TURN_ERROR_MESSAGE);
      } catch (sendError) {
        logger.error({ err: sendError }, 'could not tell the patron about a failed turn');
      }
    }
    // A broken dialog stack would fail the same way next turn: start over cleanly. Not when the
    // failure was ours (stopping, or the reply's connection): the dialog was fine.
    if (shutdown.keepsStateAfter(error)) return;
    try {
      await conversationState.delete(context);
    } catch (deleteError) {
      logger.error({ err: deleteError }, 'could not clear the conversation state after a failed turn');
    }
  };

  const server = restify.createServer({
    name: 'library-help-bot',
    handleUncaughtExceptions: false,
    // restify 11 logs with pino; its type package (8.x) still names bunyan's Logger.
    log: restifyLogger(logger) as unknown as restify.ServerOptions['log'],
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(
    restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES, requestBodyOnGet: false }),
  );
  // restify's own errors (unparseable JSON, too large, unknown route) carry generic bodies only.
  server.on(
    'restifyError',
    (
      _req: Request,
      _res: Response,
      error: { statusCode?: number; toJSON?: () => unknown },
      callback: () => void,
    ) => {
      const status = error.statusCode ?? 500;
      const body = {
        error: status === 413 ? 'Request too large' : status === 404 ? 'Not found' : 'Bad request',
      };
      error.toJSON = () => body;
      callback();
    },
  );

  hardenServer(server, {
    logger,
    localMode: settings.localMode,
    extraHosts: [new URL(settings.publicUrl).host],
  });
  guardSockets(server.server, logger);
  const shutdown = new GracefulShutdown();
  shutdown.install(server);
  limitTokenIssuing(server, {
    paths: ['/api/directline/token', '/staff/token'],
    logger,
    limits: options.tokenRateLimits,
  });

  const runTurn = async (context: TurnContext) => {
    if (!(await handoff.runIfStaff(context))) await bot.run(context);
  };
  registerMessagesEndpoint(server, {
    adapter,
    logger,
    runTurn,
    authentication: app ? authentication : undefined,
  });

  const readiness: ReadinessCheck[] = [
    holds.readiness,
    {
      name: 'storage',
      check: async () => {
        if (options.storage?.checkReachable) return options.storage.checkReachable();
        if (storage instanceof SqliteStorage) return storage.checkReachable();
        await storage.read(['readiness-probe']);
      },
    },
  ];

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'alive' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    const failing: string[] = [];
    for (const { name, check } of readiness) {
      try {
        await check();
      } catch (error) {
        logger.warn({ err: error, check: name }, 'readiness check failed');
        failing.push(name);
      }
    }
    res.send(
      failing.length ? 503 : 200,
      failing.length ? { status: 'not ready', failing } : { status: 'ready' },
    );
  });

  let boundPort = 0;
  const localAddress = () => `http://127.0.0.1:${boundPort}`;
  const directLine = settings.localMode ? new DirectLineConversations(options.directLineLimits) : undefined;
  let streams: { close(): void } | undefined;
  if (directLine) {
    registerDirectLineRoutes(server, {
      conversations: directLine,
      logger,
      botName: config.library.name,
      botEndpoint: () => `${localAddress()}/api/messages`,
      serviceUrl: localAddress,
      internalSecret: shutdown.internalSecret,
    });
    streams = attachDirectLineStreams(server.server, directLine, logger);
  }
  if (directLine && settings.staffPasscode) {
    registerStaffConsole(server, {
      config,
      logger,
      conversations: directLine,
      consoles: handoff.consoles,
      now: options.now,
    });
  }
  if (holds.entra && config.patronSignIn.entra) {
    registerEntraSignInReturn(server, {
      entra: holds.entra,
      redirectUrl: config.patronSignIn.entra.redirectUrl,
      libraryName: config.library.name,
      phone: config.library.phone,
      logger,
    });
  }
  registerWebChatPage(server, {
    config,
    logger,
    conversations: directLine,
    directLineSecret: settings.directLineSecret,
    directLineEndpoint: settings.directLineEndpoint,
  });

  return {
    server,
    adapter,
    storage,
    directLine,
    handoff,
    listen: async () => {
      await handoff.start();
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(settings.port, settings.host, () => {
          const address = server.address();
          boundPort = address.port;
          resolve({ port: boundPort, url: localAddress() });
        });
      });
    },
    close: async () => {
      handoff.stop();
      await shutdown.stop(server.server, () => streams?.close());
      (storage as { close?: () => void }).close?.();
      holds.close();
    },
  };
}

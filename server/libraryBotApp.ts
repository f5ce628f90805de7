// Serves the bot over HTTP: the CloudAdapter with the channels' authentication, /api/messages, the
// built-in Direct Line in local mode, the chat page, health checks, each capability's own routes,
// and a graceful close. index.ts calls it for real; tests call it on port 0 with a temporary data
// folder, so they exercise exactly what runs in production.
import {
  ActivityTypes,
  CloudAdapter,
  type ConversationState,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import { conversationKey } from '../dialogs/turnState';
import { messagesOf } from '../dialogs/conversationLanguage';
import { messagesFor } from '../library/language/catalog';
import { type Logger, turnLogger } from '../observability/logger';
import type { ReadinessCheck } from './capabilities/capability';
import { ReusedClientsAuthentication } from './reusedConnectorClients';
import { createChannelAuthentication } from './channelAuthentication';
import { DirectLineConversations, type DirectLineLimits } from './directLine/directLineConversations';
import { attachDirectLineStreams, registerDirectLineRoutes } from './directLine/directLineRoutes';
import { limitTokenIssuing, type TokenRateLimits } from './directLine/tokenRateLimit';
import { guardSockets, hardenServer, restifyLogger } from './httpHardening';
import { GracefulShutdown } from './shutdown';
import { createLibraryBot, type LibraryBot, type LibraryBotOptions } from './libraryBot';
import { registerMessagesEndpoint } from './messagesEndpoint';
import { registerWebChatPage } from './webChatPage';
import { answerHeadLikeGet } from './headRequests';

/** Direct Line allows 256K characters per activity; Teams about 100 KB. */
export const MAX_BODY_BYTES = 300 * 1024;

export interface LibraryBotAppOptions extends LibraryBotOptions {
  /** Tests and benchmarks: the built-in Direct Line's limits and the token endpoints' rate limits. */
  directLineLimits?: Partial<DirectLineLimits>;
  tokenRateLimits?: TokenRateLimits;
}

export interface LibraryBotApp {
  server: Server;
  adapter: CloudAdapter;
  storage: Storage;
  bot: LibraryBot;
  /** Present in local mode: the built-in Direct Line. */
  directLine?: DirectLineConversations;
  listen(): Promise<{ port: number; url: string }>;
  /** Stops accepting, lets turns in flight finish, then stops the capabilities and closes storage. */
  close(): Promise<void>;
}

/** What a patron writing in English hears when a turn fails (the catalog has it in every language). */
export const SAFE_TURN_ERROR_MESSAGE = messagesFor('en').main.somethingWentWrong;

export function createLibraryBotApp(options: LibraryBotAppOptions): LibraryBotApp {
  const { settings, library, logger } = options;
  const authentication = createChannelAuthentication(settings.microsoftApp);
  const adapter = new CloudAdapter(new ReusedClientsAuthentication(authentication));
  const bot = createLibraryBot(options, adapter);
  bot.middleware.forEach((middleware) => adapter.use(middleware));
  const shutdown = new GracefulShutdown();
  adapter.onTurnError = turnErrorHandler(logger, bot.conversationState, shutdown);

  const server = createHttpServer(options, shutdown);
  registerMessagesEndpoint(server, {
    adapter,
    logger,
    runTurn: (context) => bot.runTurn(context),
    authentication: settings.microsoftApp ? authentication : undefined,
  });
  registerHealthChecks(server, logger, bot.readiness);

  let boundPort = 0;
  const localAddress = () => `http://127.0.0.1:${boundPort}`;
  const builtIn = settings.localMode
    ? serveBuiltInDirectLine(server, bot, options, shutdown, localAddress)
    : undefined;
  const directLine = builtIn?.conversations;
  for (const capability of bot.list) capability.registerRoutes?.({ server, directLine });
  registerWebChatPage(server, {
    config: library.config,
    logger,
    conversations: directLine,
    directLineSecret: settings.directLineSecret,
    directLineEndpoint: settings.directLineEndpoint,
  });
  answerHeadLikeGet(server);

  return {
    server,
    adapter,
    storage: bot.storage,
    bot,
    directLine,
    listen: async () => {
      await bot.start();
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(settings.port, settings.host, () => {
          boundPort = server.address().port;
          resolve({ port: boundPort, url: localAddress() });
        });
      });
    },
    close: async () => {
      await shutdown.stop(server.server, () => builtIn?.streams.close());
      await bot.stop();
    },
  };
}

/** Local mode: the built-in Direct Line the patron page and staff console talk to. */
function serveBuiltInDirectLine(
  server: Server,
  bot: LibraryBot,
  options: LibraryBotAppOptions,
  shutdown: GracefulShutdown,
  localAddress: () => string,
): { conversations: DirectLineConversations; streams: { close(): void } } {
  const conversations = new DirectLineConversations(options.directLineLimits);
  registerDirectLineRoutes(server, {
    conversations,
    logger: options.logger,
    botName: options.library.config.library.name,
    botEndpoint: () => `${localAddress()}/api/messages`,
    serviceUrl: localAddress,
    // The history keeps what the sign-in gate lets anyone see (no PIN, no full card number).
    screenText: (activity) =>
      bot.capabilities.holds.sensitiveInput.screen(conversationKey(activity), activity.text ?? '')
        .visibleText,
    internalSecret: shutdown.internalSecret,
  });
  return { conversations, streams: attachDirectLineStreams(server.server, conversations, options.logger) };
}

/** Logs with context, tells the patron something safe, and starts the conversation over cleanly. */
function turnErrorHandler(logger: Logger, conversationState: ConversationState, shutdown: GracefulShutdown) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const activity = context.activity;
    turnLogger(context.turnState, logger).error(
      {
        err: error,
        conversationId: activity.conversation?.id,
        channelId: activity.channelId,
        activityType: activity.type,
      },
      'a turn failed',
    );
    if (activity.type === ActivityTypes.Message) {
      try {
        await context.sendActivity(messagesOf(context).main.somethingWentWrong);
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
}

/** restify with body limits, generic error bodies, hardened requests and sockets, and the shutdown gate. */
function createHttpServer(options: LibraryBotAppOptions, shutdown: GracefulShutdown): Server {
  const { settings, logger } = options;
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
  shutdown.install(server);
  limitTokenIssuing(server, {
    paths: ['/api/directline/token', '/staff/token'],
    logger,
    limits: options.tokenRateLimits,
  });
  return server;
}

function registerHealthChecks(server: Server, logger: Logger, readiness: ReadinessCheck[]): void {
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
}

// The built-in Direct Line 3.0 for local mode: Web Chat and DirectLineJS talk to it unchanged,
// and it hands each patron activity to the bot through the same /api/messages path as production,
// with serviceUrl pointing back here so the bot's replies land in /v3/conversations/... below.
import { Activity, ActivityTypes } from 'botbuilder';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../observability/logger';
import {
  DirectLineConversation,
  DirectLineConversations,
  DirectLineFullError,
  type LocalDirectLineSession,
} from './directLineConversations';
import { maskSensitiveText } from '../../library/privacy';
import { isLoopbackHost } from '../httpHardening';
import { INTERNAL_TURN_HEADER } from '../shutdown';

export const BOT_ACCOUNT = { id: 'library-bot', name: 'Library Help Bot', role: 'bot' };

/** What Web Chat and DirectLineJS send; anything else from a page is refused before it reaches the bot. */
const USER_ACTIVITY_TYPES = new Set<string>([
  ActivityTypes.Message,
  ActivityTypes.Event,
  ActivityTypes.Typing,
]);

/** Longest patron message accepted; longer ones get a clear 400 rather than a truncated message. */
export const MAX_MESSAGE_TEXT = 5000;

export interface DirectLineRouteOptions {
  conversations: DirectLineConversations;
  logger: Logger;
  botName: string;
  /** Where the bot listens, known once the server is bound. */
  botEndpoint: () => string;
  /** The base address the bot replies to (this server). */
  serviceUrl: () => string;
  /**
   * What the history may keep of a patron's message: the bot's sign-in gate answers (a PIN or card
   * number withheld, or masked in a sentence). Without it, card numbers and PINs in the text are
   * masked (the gate knows more: which question is open).
   */
  screenText?: (activity: Activity) => string | undefined;
  /** Proves to the shutdown gate that an activity handed to the bot was accepted before stopping. */
  internalSecret?: string;
}

/**
 * Opens a conversation for a token endpoint, or answers 503 with Retry-After when every
 * conversation is live (a new visitor never evicts a patron in the middle of a conversation).
 */
export function openSessionOrRefuse(
  conversations: DirectLineConversations,
  res: Response,
  logger: Logger,
  options: { userId?: string; channelData?: Record<string, unknown>; locale?: string } = {},
): LocalDirectLineSession | undefined {
  try {
    return conversations.openSession(options);
  } catch (error) {
    if (!(error instanceof DirectLineFullError)) throw error;
    logger.warn({ conversations: conversations.size }, 'refused a new chat: every conversation is in use');
    res.header('retry-after', String(error.retryAfterSeconds));
    res.send(503, { error: 'Chat is busy right now; please try again in a minute.' });
    return undefined;
  }
}

function bearer(req: Request): string | undefined {
  const header = req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** An activity's size in the history: the body it came in, plus what the server adds (ids, accounts, time). */
function historyBytes(req: Request): number | undefined {
  const raw = (req as Request & { rawBody?: string | Buffer }).rawBody;
  return raw === undefined ? undefined : Buffer.byteLength(raw) + 400;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

function isLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function conversationPayload(
  req: Request,
  fallbackHost: string,
  conversation: DirectLineConversation,
  token: string,
  expiresIn: number,
  watermark?: string,
) {
  // The stream address is where this browser reached us (same host, WebSocket scheme), but only a
  // loopback name: a forged Host never ends up in a URL we hand out.
  const requested = req.header('host');
  const host = isLoopbackHost(requested) ? requested : fallbackHost;
  const query = new URLSearchParams({ t: token, ...(watermark ? { watermark } : {}) });
  return {
    conversationId: conversation.id,
    token,
    expires_in: expiresIn,
    streamUrl: `ws://${host}/v3/directline/conversations/${encodeURIComponent(conversation.id)}/stream?${query}`,
  };
}

/**
 * WebSocket streaming, as DirectLineJS uses it: each frame is `{activities, watermark}`; an empty
 * frame from the client is a keep-alive. The token in the stream URL must open this conversation.
 */
export function attachDirectLineStreams(
  httpServer: HttpServer,
  conversations: DirectLineConversations,
  logger?: Logger,
): { close(): void } {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  sockets.on('error', (error) => logger?.warn({ err: error }, 'the Direct Line stream server failed'));
  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Whatever happens from here on, an error ends this one socket, never the process.
    socket.on('error', (error: NodeJS.ErrnoException) =>
      logger?.debug({ code: error.code }, 'a Direct Line stream connection failed'),
    );
    try {
      const conversation = streamConversation(request, conversations);
      if (!conversation) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      sockets.handleUpgrade(request, socket, head, (webSocket: WebSocket) =>
        streamTo(webSocket, conversation, request, conversations, logger),
      );
    } catch (error) {
      logger?.warn({ err: error }, 'refused a Direct Line stream that could not be read');
      socket.destroy();
    }
  });
  return { close: () => sockets.clients.forEach((client) => client.terminate()) };
}

/** The conversation a stream request may open: its token must open the conversation named in the path. */
function streamConversation(
  request: IncomingMessage,
  conversations: DirectLineConversations,
): DirectLineConversation | undefined {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const match = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/.exec(url.pathname);
  if (!match) return undefined;
  const conversation = conversations.byToken(url.searchParams.get('t') ?? undefined);
  let wanted: string;
  try {
    wanted = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  return conversation && conversation.id === wanted ? conversation : undefined;
}

function streamTo(
  webSocket: WebSocket,
  conversation: DirectLineConversation,
  request: IncomingMessage,
  conversations: DirectLineConversations,
  logger?: Logger,
): void {
  const raw = new URL(request.url ?? '/', 'http://localhost').searchParams.get('watermark');
  let sent = raw !== null && /^-?\d+$/.test(raw) ? Number(raw) : -1;
  const push = () => {
    const batch = conversations.since(conversation, sent);
    if (batch.activities.length === 0) return;
    sent = Number(batch.watermark);
    try {
      webSocket.send(JSON.stringify(batch));
    } catch (error) {
      logger?.warn({ err: error, conversationId: conversation.id }, 'could not stream a Direct Line batch');
      webSocket.terminate();
    }
  };
  conversation.listeners.add(push);
  webSocket.on('close', () => conversation.listeners.delete(push));
  webSocket.on('error', () => conversation.listeners.delete(push));
  push();
}

/** The built-in Direct Line's side of each request: tokens, the patron's activities, the bot. */
class DirectLineBridge {
  readonly conversations: DirectLineConversations;
  private readonly botAccount: typeof BOT_ACCOUNT;
  private readonly toBotHeaders: Record<string, string> = { 'content-type': 'application/json' };

  constructor(readonly options: DirectLineRouteOptions) {
    this.conversations = options.conversations;
    this.botAccount = { ...BOT_ACCOUNT, name: options.botName };
    if (options.internalSecret) this.toBotHeaders[INTERNAL_TURN_HEADER] = options.internalSecret;
  }

  fallbackHost(): string {
    return new URL(this.options.serviceUrl()).host;
  }

  /** The conversation the bearer token opens, checked against the id in the path. */
  authorised(req: Request, res: Response): DirectLineConversation | undefined {
    const conversation = this.conversations.byToken(bearer(req));
    const wanted = req.params?.conversationId as string | undefined;
    // An unknown token and another conversation's id get the same answer: never confirm it exists.
    if (!conversation || (wanted !== undefined && wanted !== conversation.id)) {
      sendError(res, 403, 'TokenInvalid', 'The token is missing, expired or not valid.');
      return undefined;
    }
    return conversation;
  }

  async deliverToBot(conversation: DirectLineConversation, activity: Activity): Promise<boolean> {
    const { logger } = this.options;
    try {
      const response = await fetch(this.options.botEndpoint(), {
        method: 'POST',
        headers: this.toBotHeaders,
        body: JSON.stringify(activity),
      });
      // Read the (small) answer: an unread body keeps its connection out of undici's pool until
      // garbage collection, so every hand-off opened a new connection and memory grew under load.
      await response.arrayBuffer();
      if (response.status < 400) return true;
      logger.warn(
        { conversationId: conversation.id, status: response.status },
        'bot refused a Direct Line activity',
      );
      return false;
    } catch (error) {
      logger.error(
        { conversationId: conversation.id, err: error },
        'bot unreachable from the built-in Direct Line',
      );
      return false;
    }
  }

  /** The text to keep in the history: the gate's screening, never the PIN or the full card number. */
  storedText(activity: Activity): string | undefined {
    if (typeof activity.text !== 'string') return activity.text;
    return this.options.screenText ? this.options.screenText(activity) : maskSensitiveText(activity.text);
  }

  fromUser(conversation: DirectLineConversation, partial: Partial<Activity>): Activity {
    return {
      ...partial,
      channelId: 'directline',
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: conversation.userId, name: partial.from?.name ?? '', role: 'user' },
      recipient: this.botAccount,
      serviceUrl: this.options.serviceUrl(),
      timestamp: new Date(),
      channelData: { ...(partial.channelData ?? {}), ...(conversation.channelData ?? {}) },
    } as Activity;
  }

  fromBot(conversation: DirectLineConversation, body: Partial<Activity>): Activity {
    return {
      ...body,
      id: undefined,
      channelId: 'directline',
      conversation: { id: conversation.id },
      from: body.from?.id ? body.from : this.botAccount,
      timestamp: new Date(),
    } as unknown as Activity;
  }

  async start(conversation: DirectLineConversation): Promise<void> {
    if (conversation.started) return;
    conversation.started = true;
    const update = this.fromUser(conversation, {
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: conversation.userId, name: '' }],
      ...(conversation.locale ? { locale: conversation.locale } : {}),
    });
    await this.deliverToBot(conversation, update);
  }
}

/** A patron's activity as a page may send it, or undefined after a clear 400. */
function readPatronActivity(req: Request, res: Response): Partial<Activity> | undefined {
  const body: unknown = req.body;
  if (
    !body ||
    typeof body !== 'object' ||
    Array.isArray(body) ||
    typeof (body as Activity).type !== 'string'
  ) {
    sendError(res, 400, 'BadArgument', 'An activity must be a JSON object with a "type".');
    return undefined;
  }
  const partial = body as Partial<Activity>;
  const problem = !USER_ACTIVITY_TYPES.has(partial.type as string)
    ? ['BadArgument', 'A client may send message, event and typing activities.']
    : partial.text !== undefined && typeof partial.text !== 'string'
      ? ['BadArgument', 'The activity "text" must be a string.']
      : (partial.text ?? '').length > MAX_MESSAGE_TEXT
        ? ['MessageTooLong', `Messages can be up to ${MAX_MESSAGE_TEXT} characters.`]
        : undefined;
  if (problem) {
    sendError(res, 400, problem[0], problem[1]);
    return undefined;
  }
  return {
    type: partial.type,
    text: partial.text,
    value: partial.value,
    name: partial.name,
    locale: typeof partial.locale === 'string' ? partial.locale : undefined,
    attachments: Array.isArray(partial.attachments) ? partial.attachments : undefined,
    channelData: typeof partial.channelData === 'object' ? partial.channelData : undefined,
  };
}

export function registerDirectLineRoutes(server: Server, options: DirectLineRouteOptions): void {
  const bridge = new DirectLineBridge(options);
  registerConversationRoutes(server, bridge);
  registerActivityRoutes(server, bridge);
  registerBotReplyRoutes(server, bridge);
}

/** Token refresh, starting and reconnecting to a conversation. */
function registerConversationRoutes(server: Server, bridge: DirectLineBridge): void {
  server.post('/v3/directline/tokens/refresh', async (req: Request, res: Response) => {
    const conversation = bridge.authorised(req, res);
    if (!conversation) return;
    // The old token stops working: refreshing forever must not pile up live tokens.
    const token = bridge.conversations.refreshToken(bearer(req) as string) as string;
    res.send(200, conversationPayload(req, bridge.fallbackHost(), conversation, token, 1800));
  });
  server.post('/v3/directline/conversations', async (req: Request, res: Response) => {
    const conversation = bridge.authorised(req, res);
    if (!conversation) return;
    await bridge.start(conversation);
    res.send(201, conversationPayload(req, bridge.fallbackHost(), conversation, bearer(req) as string, 1800));
  });
  server.get('/v3/directline/conversations/:conversationId', async (req: Request, res: Response) => {
    const conversation = bridge.authorised(req, res);
    if (!conversation) return;
    const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
    res.send(
      200,
      conversationPayload(req, bridge.fallbackHost(), conversation, bearer(req) as string, 1800, watermark),
    );
  });
}

/** The patron's side: reading the history, and sending an activity to the bot. */
function registerActivityRoutes(server: Server, bridge: DirectLineBridge): void {
  const path = '/v3/directline/conversations/:conversationId/activities';
  server.get(path, async (req: Request, res: Response) => {
    const conversation = bridge.authorised(req, res);
    if (!conversation) return;
    const raw = req.query?.watermark as string | undefined;
    const watermark = raw !== undefined && /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    res.send(200, bridge.conversations.since(conversation, watermark));
  });
  server.post(path, async (req: Request, res: Response) => {
    const conversation = bridge.authorised(req, res);
    if (!conversation) return;
    const partial = readPatronActivity(req, res);
    if (!partial) return;
    await bridge.start(conversation);
    const activity = bridge.fromUser(conversation, partial);
    // The answer to the bot's PIN or card-number question goes to the bot, but the history that
    // Direct Line keeps and streams back to the page holds a placeholder instead.
    const text = bridge.storedText(activity);
    const stored: Activity = text === activity.text ? activity : ({ ...activity, text } as Activity);
    const id = bridge.conversations.append(conversation, stored, historyBytes(req));
    activity.id = id;
    if (!(await bridge.deliverToBot(conversation, activity)))
      return sendError(res, 502, 'BotError', 'The bot could not take the message; please try again.');
    res.send(200, { id });
  });
}

/** The bot's side: the Bot Connector REST routes its replies and card updates use. Loopback only. */
function registerBotReplyRoutes(server: Server, bridge: DirectLineBridge): void {
  const receiveFromBot = async (req: Request, res: Response): Promise<void> => {
    if (!isLoopback(req)) return sendError(res, 403, 'Forbidden', 'Not available.');
    const conversation = bridge.conversations.get(req.params.conversationId as string);
    if (!conversation) return sendError(res, 404, 'NotFound', 'Conversation not found.');
    const body = req.body as Partial<Activity> | undefined;
    if (!body || typeof body !== 'object' || typeof body.type !== 'string') {
      return sendError(res, 400, 'BadArgument', 'An activity must be a JSON object with a "type".');
    }
    const id = bridge.conversations.append(
      conversation,
      bridge.fromBot(conversation, body),
      historyBytes(req),
    );
    res.send(200, { id });
  };
  server.post('/v3/conversations/:conversationId/activities', receiveFromBot);
  server.post('/v3/conversations/:conversationId/activities/:activityId', receiveFromBot);
  server.put(
    '/v3/conversations/:conversationId/activities/:activityId',
    async (req: Request, res: Response) => {
      if (!isLoopback(req)) return sendError(res, 403, 'Forbidden', 'Not available.');
      const conversation = bridge.conversations.get(req.params.conversationId as string);
      const existing = conversation?.activities.find((a) => a.id === req.params.activityId);
      if (!conversation || !existing) return sendError(res, 404, 'NotFound', 'Activity not found.');
      // Web Chat shows a new copy; the original stays in the history for anyone who already read it.
      const updated = {
        ...(req.body as Activity),
        id: undefined,
        from: existing.from,
        timestamp: new Date(),
      };
      const id = bridge.conversations.append(conversation, updated as unknown as Activity, historyBytes(req));
      res.send(200, { id });
    },
  );
}

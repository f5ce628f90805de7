// The built-in Direct Line 3.0 for local mode: Web Chat and DirectLineJS talk to it unchanged,
// and it hands each patron activity to the bot through the same /api/messages path as production,
// with serviceUrl pointing back here so the bot's replies land in /v3/conversations/... below.
import { Activity, ActivityTypes } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../observability/logger';
import { DirectLineConversation, DirectLineConversations } from './directLineConversations';

export const BOT_ACCOUNT = { id: 'library-bot', name: 'Library Help Bot', role: 'bot' };

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
}

function bearer(req: Request): string | undefined {
  const header = req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

function isLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function conversationPayload(conversation: DirectLineConversation, token: string, expiresIn: number) {
  return { conversationId: conversation.id, token, expires_in: expiresIn };
}

export function registerDirectLineRoutes(server: Server, options: DirectLineRouteOptions): void {
  const { conversations, logger } = options;
  const botAccount = { ...BOT_ACCOUNT, name: options.botName };

  /** The conversation the bearer token opens, checked against the id in the path. */
  function authorised(req: Request, res: Response): DirectLineConversation | undefined {
    const conversation = conversations.byToken(bearer(req));
    if (!conversation) {
      sendError(res, 403, 'TokenInvalid', 'The token is missing, expired or not valid.');
      return undefined;
    }
    const wanted = req.params?.conversationId as string | undefined;
    if (wanted !== undefined && wanted !== conversation.id) {
      // Same answer as an unknown token: never confirm that another conversation exists.
      sendError(res, 403, 'TokenInvalid', 'The token is missing, expired or not valid.');
      return undefined;
    }
    return conversation;
  }

  async function deliverToBot(conversation: DirectLineConversation, activity: Activity): Promise<boolean> {
    try {
      const response = await fetch(options.botEndpoint(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      if (response.status >= 400) {
        logger.warn(
          { conversationId: conversation.id, status: response.status },
          'bot refused a Direct Line activity',
        );
        return false;
      }
      return true;
    } catch (error) {
      logger.error(
        { conversationId: conversation.id, err: error },
        'bot unreachable from the built-in Direct Line',
      );
      return false;
    }
  }

  function fromUser(conversation: DirectLineConversation, partial: Partial<Activity>): Activity {
    return {
      ...partial,
      channelId: 'directline',
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: conversation.userId, name: partial.from?.name ?? '', role: 'user' },
      recipient: botAccount,
      serviceUrl: options.serviceUrl(),
      timestamp: new Date(),
      channelData: { ...(partial.channelData ?? {}), ...(conversation.channelData ?? {}) },
    } as Activity;
  }

  async function start(conversation: DirectLineConversation): Promise<void> {
    if (conversation.started) return;
    conversation.started = true;
    const update = fromUser(conversation, {
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: conversation.userId, name: '' }],
    });
    await deliverToBot(conversation, update);
  }

  server.post('/v3/directline/tokens/refresh', async (req: Request, res: Response) => {
    const conversation = authorised(req, res);
    if (!conversation) return;
    const token = conversations.issueToken(conversation.id);
    res.send(200, conversationPayload(conversation, token, 1800));
  });

  server.post('/v3/directline/conversations', async (req: Request, res: Response) => {
    const conversation = authorised(req, res);
    if (!conversation) return;
    await start(conversation);
    res.send(201, conversationPayload(conversation, bearer(req) as string, 1800));
  });

  server.get('/v3/directline/conversations/:conversationId', async (req: Request, res: Response) => {
    const conversation = authorised(req, res);
    if (!conversation) return;
    res.send(200, conversationPayload(conversation, bearer(req) as string, 1800));
  });

  server.get(
    '/v3/directline/conversations/:conversationId/activities',
    async (req: Request, res: Response) => {
      const conversation = authorised(req, res);
      if (!conversation) return;
      const raw = req.query?.watermark as string | undefined;
      const watermark = raw !== undefined && /^-?\d+$/.test(raw) ? Number(raw) : undefined;
      res.send(200, conversations.since(conversation, watermark));
    },
  );

  server.post(
    '/v3/directline/conversations/:conversationId/activities',
    async (req: Request, res: Response) => {
      const conversation = authorised(req, res);
      if (!conversation) return;
      const body: unknown = req.body;
      if (
        !body ||
        typeof body !== 'object' ||
        Array.isArray(body) ||
        typeof (body as Activity).type !== 'string'
      ) {
        return sendError(res, 400, 'BadArgument', 'An activity must be a JSON object with a "type".');
      }
      const partial = body as Partial<Activity>;
      if (partial.text !== undefined && typeof partial.text !== 'string') {
        return sendError(res, 400, 'BadArgument', 'The activity "text" must be a string.');
      }
      if ((partial.text ?? '').length > MAX_MESSAGE_TEXT) {
        return sendError(res, 400, 'MessageTooLong', `Messages can be up to ${MAX_MESSAGE_TEXT} characters.`);
      }
      await start(conversation);
      const activity = fromUser(conversation, {
        type: partial.type,
        text: partial.text,
        value: partial.value,
        name: partial.name,
        locale: typeof partial.locale === 'string' ? partial.locale : undefined,
        attachments: Array.isArray(partial.attachments) ? partial.attachments : undefined,
        channelData: typeof partial.channelData === 'object' ? partial.channelData : undefined,
      });
      const id = conversations.append(conversation, activity);
      const delivered = await deliverToBot(conversation, activity);
      if (!delivered)
        return sendError(res, 502, 'BotError', 'The bot could not take the message; please try again.');
      res.send(200, { id });
    },
  );

  // The bot's side: the Bot Connector REST routes its replies use. Loopback only.
  async function receiveFromBot(req: Request, res: Response): Promise<void> {
    if (!isLoopback(req)) return sendError(res, 403, 'Forbidden', 'Not available.');
    const conversation = conversations.get(req.params.conversationId as string);
    if (!conversation) return sendError(res, 404, 'NotFound', 'Conversation not found.');
    const body = req.body as Partial<Activity> | undefined;
    if (!body || typeof body !== 'object' || typeof body.type !== 'string') {
      return sendError(res, 400, 'BadArgument', 'An activity must be a JSON object with a "type".');
    }
    const activity = {
      ...body,
      id: undefined,
      channelId: 'directline',
      conversation: { id: conversation.id },
      from: body.from?.id ? body.from : botAccount,
      timestamp: new Date(),
    } as unknown as Activity;
    const id = conversations.append(conversation, activity);
    res.send(200, { id });
  }
  server.post('/v3/conversations/:conversationId/activities', receiveFromBot);
  server.post('/v3/conversations/:conversationId/activities/:activityId', receiveFromBot);

  server.put(
    '/v3/conversations/:conversationId/activities/:activityId',
    async (req: Request, res: Response) => {
      if (!isLoopback(req)) return sendError(res, 403, 'Forbidden', 'Not available.');
      const conversation = conversations.get(req.params.conversationId as string);
      const existing = conversation?.activities.find((a) => a.id === req.params.activityId);
      if (!conversation || !existing) return sendError(res, 404, 'NotFound', 'Activity not found.');
      // Web Chat shows a new copy; the original stays in the history for anyone who already read it.
      const updated = {
        ...(req.body as Activity),
        id: undefined,
        from: existing.from,
        timestamp: new Date(),
      };
      const id = conversations.append(conversation, updated as unknown as Activity);
      res.send(200, { id });
    },
  );
}

// POST /api/messages: the one door every channel uses. Malformed bodies get a 4xx with a generic
// body (never a crash), the adapter's own error texts never reach the caller, and a retried
// activity (same channel, conversation and id) is handled once.
import type { Activity, CloudAdapter, Response as BotResponse, TurnContext } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Request, Response, Server } from 'restify';
import { lazyChild, type Logger } from '../observability/logger';
import { checkChannelToken } from './channelAuthentication';

const GENERIC_BODIES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  405: 'Method not allowed',
  500: 'Something went wrong',
  503: 'Service unavailable',
};

/** Longest message text accepted from any channel (Direct Line allows far more; nobody types it). */
export const MAX_ACTIVITY_TEXT = 20000;

export function describeBadActivity(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'not a JSON object';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || !activity.type) return 'no activity type';
  if (activity.text !== undefined && activity.text !== null && typeof activity.text !== 'string') {
    return 'text is not a string';
  }
  if (typeof activity.text === 'string' && activity.text.length > MAX_ACTIVITY_TEXT) return 'text too long';
  for (const field of ['conversation', 'from', 'recipient'] as const) {
    const value = activity[field];
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      return `${field} is not an object`;
    }
  }
  // Every channel sends these; without them there is no conversation to keep state for or answer.
  for (const field of ['conversation', 'from'] as const) {
    const id = (activity[field] as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string' || !id) return `no ${field}.id`;
  }
  if (typeof activity.channelId !== 'string' || !activity.channelId) return 'no channelId';
  if (activity.serviceUrl !== undefined && typeof activity.serviceUrl !== 'string')
    return 'serviceUrl is not a string';
  return undefined;
}

/** Wraps restify's response so error statuses carry a generic body instead of the adapter's message. */
function withGenericErrors(res: Response): BotResponse {
  let status = 200;
  const wrapper: BotResponse = {
    socket: res.socket,
    status(code: number) {
      status = code;
      res.status(code);
      return wrapper;
    },
    header(name: string, value: unknown) {
      res.header(name, value);
      return wrapper;
    },
    send(...args: unknown[]) {
      if (status >= 400) {
        res.send({ error: GENERIC_BODIES[status] ?? 'Request failed' });
      } else {
        res.send(...(args as [unknown]));
      }
      return wrapper;
    },
    end() {
      if (!res.headersSent)
        res.send(status >= 400 ? { error: GENERIC_BODIES[status] ?? 'Request failed' } : '');
      res.end();
      return wrapper;
    },
  };
  return wrapper;
}

export interface MessagesEndpointOptions {
  adapter: CloudAdapter;
  logger: Logger;
  runTurn: (context: TurnContext) => Promise<void>;
  /**
   * With a Microsoft app id: the channel authentication, checked before the adapter runs so a bad
   * token is a logged 401 and unreadable signing keys a logged 503 (the adapter says 500 to both).
   */
  authentication?: BotFrameworkAuthentication;
}

export function registerMessagesEndpoint(server: Server, options: MessagesEndpointOptions): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    const log = lazyChild(options.logger, () => ({ requestId: req.id() }));
    const problem = describeBadActivity(req.body);
    if (problem) {
      log().warn({ reason: problem }, 'rejected a malformed activity');
      res.send(400, { error: GENERIC_BODIES[400] });
      return;
    }
    if (options.authentication) {
      const refusal = await checkChannelToken(
        options.authentication,
        req.body as Activity,
        req.header('authorization') ?? '',
      );
      if (refusal) {
        const fields = {
          status: refusal.status,
          reason: refusal.reason,
          channelId: (req.body as Activity).channelId,
        };
        if (refusal.status === 503) log().error(fields, 'could not check a channel token');
        else log().warn(fields, 'refused an activity: channel authentication failed');
        if (refusal.status === 503) res.header('retry-after', '30');
        res.send(refusal.status, { error: GENERIC_BODIES[refusal.status] });
        return;
      }
    }
    try {
      await options.adapter.process(req, withGenericErrors(res), options.runTurn);
    } catch (error) {
      // The adapter validates the activity's shape with zod before its own try block.
      log().warn({ err: error }, 'rejected an activity the adapter could not read');
      if (!res.headersSent) res.send(400, { error: GENERIC_BODIES[400] });
    }
  });
}

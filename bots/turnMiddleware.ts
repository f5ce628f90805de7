// Adapter middleware every turn goes through after the capabilities' own (the PIN gate is first):
// a retried activity is handled once, and each turn gets a logger carrying its conversation id.
import type { Middleware, TurnContext } from 'botbuilder';
import { type Logger, TURN_LOGGER_KEY } from '../observability/logger';

/** Remembers recently seen activity keys (bounded), so a retried delivery is handled once. */
export class RecentActivities {
  private readonly seen = new Set<string>();
  constructor(private readonly capacity = 5000) {}

  /** True the first time a key is seen. */
  firstTime(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}

export function retriedActivityFilter(logger: Logger, recent = new RecentActivities()): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      const activity = context.activity;
      const key = `${activity.channelId}|${activity.conversation?.id}|${activity.id}`;
      if (activity.id && !recent.firstTime(key)) {
        logger.info(
          { conversationId: activity.conversation?.id, activityId: activity.id },
          'ignored a retried activity',
        );
        return;
      }
      await next();
    },
  };
}

export function turnLoggerMiddleware(logger: Logger): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      const activity = context.activity;
      const log = logger.child({
        conversationId: activity.conversation?.id,
        channelId: activity.channelId,
        activityId: activity.id,
      });
      context.turnState.set(TURN_LOGGER_KEY, log);
      log.debug({ type: activity.type }, 'turn');
      await next();
    },
  };
}

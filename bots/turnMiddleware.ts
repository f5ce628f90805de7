// Adapter middleware every turn goes through: a retried activity is handled once, whichever instance
// it reaches, and each turn gets a logger carrying its conversation id.
import { ActivityTypes, type ConversationState, type Middleware, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import {
  canClaimOnce,
  type DocumentStorage,
  updateDocument,
  type Versioned,
} from '../library/storage/optimistic';
import { lazyChild, type Logger, TURN_LOGGER_KEY } from '../observability/logger';

/** Conversation-state field: the activities this conversation has taken, newest last. */
export const HANDLED_ACTIVITIES = 'handledActivities';

interface HandledActivity {
  id: string;
  /** Which turn claimed it (so a write whose answer was lost is still recognised as ours). */
  by: string;
}

type ConversationDocument = Record<string, unknown> & { [HANDLED_ACTIVITIES]?: HandledActivity[] };

/**
 * Claims each activity before the bot answers it, so when a channel retries an activity and two
 * instances (or two requests on one) get it, exactly one claim wins and the other stays silent.
 * Where the store can take a key in one step (SQLite's `claimOnce`), the claim is that: one small
 * insert. Elsewhere (Blob Storage) the activity id is added to the conversation's own state document
 * with an eTag-guarded write of the document just read: conversation state is read every turn anyway,
 * so the claim costs one write. `typing` activities and activities without an id are not claimed.
 */
export function retriedActivityFilter(
  logger: Logger,
  conversationState: ConversationState,
  storage: DocumentStorage,
  // A channel retries within seconds; twenty covers any burst of messages in one conversation meanwhile.
  remembered = 20,
): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      const activity = context.activity;
      if (!activity.id || activity.type === ActivityTypes.Typing || !activity.conversation?.id) return next();
      if (!(await claim(context, conversationState, storage, remembered))) {
        logger.info(
          { conversationId: activity.conversation.id, activityId: activity.id },
          'ignored a retried activity',
        );
        return;
      }
      await next();
    },
  };
}

/** True when this turn is the first to take the activity. */
async function claim(
  context: TurnContext,
  conversationState: ConversationState,
  storage: DocumentStorage,
  remembered: number,
): Promise<boolean> {
  const id = context.activity.id as string;
  // Only needs to tell apart the few turns racing for one activity: 32 random bits, kept short
  // because the list is in the conversation document every turn reads, hashes and writes.
  const by = randomUUID().slice(0, 8);
  const key = conversationState.getStorageKey(context) as string;
  // A whole state document rewritten per turn cost a tenth of a turn's CPU on SQLite; a claim row does not.
  if (canClaimOnce(storage)) return (await storage.claimOnce(`${key}activity/${id}`, by)) === by;
  const loaded = (await conversationState.load(context)) as Versioned<ConversationDocument>;
  let claimedOn = -1;
  const first = await updateDocument<ConversationDocument, boolean>(
    storage,
    key,
    (current, attempt) => {
      const handled = current?.[HANDLED_ACTIVITIES] ?? [];
      const earlier = handled.find((h) => h.id === id);
      if (earlier) return { result: earlier.by === by };
      claimedOn = attempt;
      const next = { ...current, [HANDLED_ACTIVITIES]: [...handled, { id, by }].slice(-remembered) };
      return { next, result: true };
    },
    // BotState reads a missing document as {} with no eTag.
    { known: loaded.eTag ? loaded : null },
  );
  if (!first) return false;
  if (claimedOn === 0) {
    // Written from what this turn loaded: keep the claim in it, so the end-of-turn save keeps it too.
    const handled = loaded[HANDLED_ACTIVITIES] ?? [];
    loaded[HANDLED_ACTIVITIES] = [...handled, { id, by }].slice(-remembered);
  } else {
    // Another turn wrote in between: this turn carries on from what is stored now.
    await conversationState.load(context, true);
  }
  return true;
}

export function turnLoggerMiddleware(logger: Logger): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      const activity = context.activity;
      const forTurn = lazyChild(logger, () => ({
        conversationId: activity.conversation?.id,
        channelId: activity.channelId,
        activityId: activity.id,
      }));
      context.turnState.set(TURN_LOGGER_KEY, forTurn);
      if (logger.isLevelEnabled('debug')) forTurn().debug({ type: activity.type }, 'turn');
      await next();
    },
  };
}

/** botbuilder-dialogs' turnState key for the memory scopes every DialogContext of a turn uses. */
const DIALOG_MEMORY_CONFIGURATION = 'DialogStateManagerConfiguration';

/**
 * botbuilder-dialogs builds its memory scopes and path resolvers anew on every turn (about 1% of a
 * turn's CPU); they hold no state of their own, so the set built by the first turn is given to every
 * later one, as botbuilder's own DialogManager does with its `stateConfiguration`.
 */
export function sharedDialogMemoryConfiguration(): Middleware {
  let shared: unknown;
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      if (shared) context.turnState.set(DIALOG_MEMORY_CONFIGURATION, shared);
      await next();
      shared ??= context.turnState.get(DIALOG_MEMORY_CONFIGURATION);
    },
  };
}

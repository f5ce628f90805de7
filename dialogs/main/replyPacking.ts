// Several answers in one SMS turn are packed into as few text messages as fit (channels/renderer's
// packForSms), in the order they were given: a patron who asked three things gets one or two texts,
// not six. Other channels are untouched. The main dialog starts packing when it splits a message and
// flushes at the end of the turn.
import { type Activity, type TurnContext, TurnContext as Turn } from 'botbuilder';
import { channelStyle, packForSms } from '../../channels/renderer';

const HELD = Symbol('heldSmsTexts');

/** From now until flushPacked, this turn's text messages are held to be packed (SMS only). */
export function startPacking(context: TurnContext): void {
  if (channelStyle(context.activity.channelId) !== 'text' || context.turnState.get(HELD)) return;
  const held: string[] = [];
  context.turnState.set(HELD, held);
  context.onSendActivities(async (ctx, activities, next) => {
    if (ctx.turnState.get(HELD) !== held) return next();
    const passing: Partial<Activity>[] = [];
    for (const activity of activities) {
      if (activity.type === 'message' && activity.text && !activity.attachments?.length)
        held.push(activity.text);
      else passing.push(activity);
    }
    if (passing.length === 0) return [];
    // Something that is not a text (an event): what was held goes first, to keep the order.
    await sendPacked(ctx, held.splice(0));
    activities.splice(0, activities.length, ...(passing as Activity[]));
    return next();
  });
}

/** Sends what was held, packed; called once at the end of the turn. */
export async function flushPacked(context: TurnContext): Promise<void> {
  const held = context.turnState.get(HELD) as string[] | undefined;
  if (!held) return;
  context.turnState.delete(HELD);
  await sendPacked(context, held.splice(0));
}

/**
 * Straight to the adapter: the transcript logger and the staff summary already saw each text when it
 * was first sent, so the packed copy is not recorded twice.
 */
async function sendPacked(context: TurnContext, texts: string[]): Promise<void> {
  if (texts.length === 0) return;
  const reference = Turn.getConversationReference(context.activity);
  const activities = packForSms(texts).map(
    (text) => Turn.applyConversationReference({ type: 'message', text }, reference) as Partial<Activity>,
  );
  await context.adapter.sendActivities(context, activities);
}

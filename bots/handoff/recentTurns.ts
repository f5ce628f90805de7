// The last few turns of a patron conversation, kept redacted in conversation state so staff get a
// short summary and the handoff.initiate event a transcript. A turn that carries a PIN is never
// kept: the sensitive-input middleware marks it (dialogs/turnState.ts), and a message shaped like a
// PIN is treated the same way.
import type { Activity, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { sensitiveTurnKind } from '../../dialogs/turnState';
import type { ConversationTurn } from '../../library/handoff';
import { looksLikePin, maskSensitiveText } from '../../library/privacy';

const PENDING = Symbol('handoffPendingTurns');

interface Pending {
  patronText?: string;
  botTexts: string[];
}

function botText(activity: Partial<Activity>): string | undefined {
  if (activity.type !== 'message') return undefined;
  if (activity.text) return activity.text;
  const card = activity.attachments?.[0]?.content as { body?: { text?: string }[] } | undefined;
  return card?.body?.find((element) => typeof element.text === 'string')?.text ?? undefined;
}

export class RecentTurns {
  private readonly turns: StatePropertyAccessor<ConversationTurn[]>;

  constructor(
    conversationState: ConversationState,
    private readonly maxTurns = 12,
  ) {
    this.turns = conversationState.createProperty<ConversationTurn[]>('handoffRecentTurns');
  }

  /** Starts recording a patron turn: the message now, the bot's replies as they are sent. */
  begin(context: TurnContext): void {
    const pending: Pending = { patronText: context.activity.text ?? undefined, botTexts: [] };
    context.turnState.set(PENDING, pending);
    context.onSendActivities(async (_ctx, activities, next) => {
      for (const activity of activities) {
        const text = botText(activity);
        if (text) pending.botTexts.push(text);
      }
      return next();
    });
  }

  /** Keeps the turn (redacted) unless it was sensitive; call before conversation state is saved. */
  async finish(context: TurnContext): Promise<void> {
    const pending = context.turnState.get(PENDING) as Pending | undefined;
    if (!pending) return;
    const sensitive = isSensitive(context, pending.patronText);
    const turns = [...(await this.turns.get(context, []))];
    if (pending.patronText && !sensitive)
      turns.push({ from: 'patron', text: maskSensitiveText(pending.patronText) });
    for (const text of pending.botTexts)
      turns.push({ from: 'bot', text: maskSensitiveText(text).slice(0, 500) });
    await this.turns.set(context, turns.slice(-this.maxTurns));
  }

  /** The turns so far, this one's patron message included (unless it is sensitive). */
  async recent(context: TurnContext): Promise<ConversationTurn[]> {
    const kept = await this.turns.get(context, []);
    const pending = context.turnState.get(PENDING) as Pending | undefined;
    return pending?.patronText && !isSensitive(context, pending.patronText)
      ? [...kept, { from: 'patron', text: maskSensitiveText(pending.patronText) }]
      : kept;
  }
}

/** A turn that was a PIN or card number, or is shaped like a PIN (belt and braces): never kept. */
function isSensitive(context: TurnContext, patronText: string | undefined): boolean {
  return sensitiveTurnKind(context) !== undefined || looksLikePin(patronText ?? '');
}

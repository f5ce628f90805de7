// Takes a PIN (or a full card number) out of the incoming message before anything records it.
// Register it FIRST on the adapter (before any transcript logger, log line or handoff recorder):
// the raw text moves into turn state for the sign-in dialog, and the activity everyone else sees
// carries "[PIN withheld]" or "****0001" instead. The turn is also marked with SENSITIVE_TURN so a
// transcript or log layer can skip it entirely.
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { SensitiveInputGate, WithheldInput } from '../library/patronSessions/sensitiveInput';
import { markTurnSensitive } from './handoff/recentTurns';

/** turnState key: the WithheldInput for the sign-in dialog (this turn only). */
export const WITHHELD_INPUT = Symbol('withheldInput');
/** turnState key: 'pin' | 'card' when this turn carried sensitive input (for loggers to skip it). */
export const SENSITIVE_TURN = 'libraryBot.sensitiveTurn';

/** The key sessions and the gate use for a conversation (channel + conversation id). */
export function conversationKey(context: TurnContext): string {
  return `${context.activity.channelId}:${context.activity.conversation?.id ?? ''}`;
}

export function withheldInput(context: TurnContext): WithheldInput | undefined {
  return context.turnState.get(WITHHELD_INPUT) as WithheldInput | undefined;
}

export class SensitiveInputMiddleware implements Middleware {
  constructor(private readonly gate: SensitiveInputGate) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.type === ActivityTypes.Message && typeof activity.text === 'string' && activity.text) {
      const { visibleText, withheld } = this.gate.screen(conversationKey(context), activity.text);
      if (withheld) {
        activity.text = visibleText;
        context.turnState.set(WITHHELD_INPUT, withheld);
        context.turnState.set(SENSITIVE_TURN, withheld.kind);
        // The handoff's recent-turns summary for staff skips this turn altogether.
        markTurnSensitive(context);
      }
    }
    await next();
  }
}

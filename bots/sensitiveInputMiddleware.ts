// Takes a PIN (or a full card number) out of the incoming message before anything records it.
// Register it FIRST on the adapter (before any transcript logger, log line or handoff recorder):
// the raw text moves into turn state for the sign-in dialog, and the activity everyone else sees
// carries "[PIN withheld]" or "[card number withheld]" instead; the turn is marked sensitive so a
// transcript or log layer can skip it entirely.
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { SensitiveInputGate } from '../library/patronSessions/sensitiveInput';
import { conversationKey, markTurnSensitive } from '../dialogs/turnState';

export class SensitiveInputMiddleware implements Middleware {
  constructor(private readonly gate: SensitiveInputGate) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.type === ActivityTypes.Message && typeof activity.text === 'string' && activity.text) {
      const { visibleText, withheld } = this.gate.screen(conversationKey(activity), activity.text);
      if (withheld) {
        activity.text = visibleText;
        markTurnSensitive(context, withheld);
      }
    }
    await next();
  }
}

// Takes a PIN (or a full card number) out of the incoming message before anything records it.
// Register it FIRST on the adapter (before any transcript logger, log line or handoff recorder):
// the raw text moves into turn state for the sign-in dialog, and the activity everyone else sees
// carries "[PIN withheld]" or "[card number withheld]" (or the sentence with them masked) instead;
// a turn that was a PIN or card number is marked sensitive so a transcript or log layer can skip it.
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { sendReply } from '../channels/renderer';
import type { SensitiveInputState } from '../dialogs/holds/sensitiveInputState';
import { markTurnSensitive } from '../dialogs/turnState';

/** Said to a PIN or card number typed when none was asked for (after a lock, or a new topic). */
export const UNASKED_SECRET_REPLY =
  "I didn't keep that: it looked like a PIN or card number, and I only take those right after I ask for " +
  'them. To sign in, ask about your holds and I will ask for your card number first.';

export class SensitiveInputMiddleware implements Middleware {
  constructor(private readonly gate: SensitiveInputState) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.type === ActivityTypes.Message && typeof activity.text === 'string' && activity.text) {
      const { visibleText, withheld } = await this.gate.screenTurn(context, activity.text);
      if (withheld) {
        activity.text = visibleText;
        markTurnSensitive(context, withheld);
        // Nothing waits for it: say so here, and let no dialog read "[PIN withheld]" as a request.
        if (withheld.unasked) return sendReply(context, UNASKED_SECRET_REPLY);
      }
    }
    await next();
  }
}

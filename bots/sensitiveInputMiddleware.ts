// Takes a PIN (or a full card number) out of the incoming message before anything records it.
// Register it FIRST on the adapter (before any transcript logger, log line or handoff recorder):
// the raw text moves into turn state for the sign-in dialog, and the activity everyone else sees
// carries "[PIN withheld]" or "[card number withheld]" (or the sentence with them masked) instead;
// a turn that was a PIN or card number is marked sensitive so a transcript or log layer can skip it.
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { sendReply } from '../channels/renderer';
import type { SensitiveInputState } from '../dialogs/holds/sensitiveInputState';
import { markTurnSensitive } from '../dialogs/turnState';
import { messagesOf } from '../dialogs/conversationLanguage';

export class SensitiveInputMiddleware implements Middleware {
  constructor(
    private readonly gate: SensitiveInputState,
    /** Sets the turn's language from the conversation's (this runs before the language hook). */
    private readonly useSavedLanguage?: (context: TurnContext) => Promise<void>,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.type === ActivityTypes.Message && typeof activity.text === 'string' && activity.text) {
      const { visibleText, withheld } = await this.gate.screenTurn(context, activity.text);
      if (withheld) {
        activity.text = visibleText;
        markTurnSensitive(context, withheld);
        // Nothing waits for it: say so here, and let no dialog read "[PIN withheld]" as a request.
        // This runs before the language hook: the conversation's language so far, else Web Chat's
        // locale, else English.
        if (withheld.unasked) {
          await this.useSavedLanguage?.(context);
          return sendReply(context, messagesOf(context).signIn.unaskedSecret);
        }
      }
    }
    await next();
  }
}

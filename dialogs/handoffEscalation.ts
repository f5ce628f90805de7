// The main dialog's link to the handoff: on each routed message it asks the escalation rules
// whether to bring in a person (counting misunderstood messages in a row in conversation state),
// and an explicit request for a person interrupts whatever dialog is running.
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { type EscalationRules, isExplicitRequestForPerson } from '../library/handoff';
import type { LibraryRecognition } from '../recognizers/libraryRecognition';
import { handoffOptionsFrom, type HandoffDialogOptions } from './handoffDialog';

/** What MainDialog needs to escalate; see MainDialogOptions.escalation. */
export interface EscalationHook {
  dialog: Dialog;
  check(context: TurnContext, recognition: LibraryRecognition): Promise<HandoffDialogOptions | undefined>;
  interrupts(text: string): boolean;
}

/** Below this score the recognizer's guess counts as not understood. */
const UNDERSTOOD_SCORE = 0.35;

export class HandoffEscalation implements EscalationHook {
  private readonly misunderstood: StatePropertyAccessor<number>;

  constructor(
    readonly dialog: Dialog,
    private readonly rules: EscalationRules,
    conversationState: ConversationState,
  ) {
    this.misunderstood = conversationState.createProperty<number>('handoffMisunderstoodInARow');
  }

  interrupts(text: string): boolean {
    return isExplicitRequestForPerson(text);
  }

  async check(
    context: TurnContext,
    recognition: LibraryRecognition,
  ): Promise<HandoffDialogOptions | undefined> {
    const notUnderstood = recognition.intent === 'None' || recognition.score < UNDERSTOOD_SCORE;
    const count = notUnderstood ? (await this.misunderstood.get(context, 0)) + 1 : 0;
    const decision = this.rules.assess({
      text: context.activity.text ?? '',
      intent: recognition.intent,
      misunderstoodInARow: count,
    });
    // Once offered, count afresh so a "no" is not followed by the same offer on the next message.
    await this.misunderstood.set(context, decision ? 0 : count);
    return decision ? handoffOptionsFrom(recognition, decision) : undefined;
  }
}

// The main dialog's link to the handoff: on each routed message it asks the escalation rules
// whether to bring in a person (an explicit request goes straight there; frustration and
// always-a-person topics are offered).
import type { TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { type EscalationRules, isExplicitRequestForPerson } from '../../library/handoff';
import type { LibraryRecognition } from '../../recognizers/libraryRecognition';
import { handoffOptionsFrom, type HandoffDialogOptions } from './handoffDialog';

/** What MainDialog needs to escalate; see MainDialogOptions.escalation. */
export interface EscalationHook {
  dialog: Dialog;
  check(context: TurnContext, recognition: LibraryRecognition): Promise<HandoffDialogOptions | undefined>;
  interrupts(text: string): boolean;
}

export class HandoffEscalation implements EscalationHook {
  constructor(
    readonly dialog: Dialog,
    private readonly rules: EscalationRules,
  ) {}

  interrupts(text: string): boolean {
    return isExplicitRequestForPerson(text);
  }

  /**
   * Explicit requests, always-a-person topics and frustration. Misunderstood messages are counted
   * by the main dialog, which offers a person itself and routes a "yes" to the "human" intent.
   */
  async check(
    context: TurnContext,
    recognition: LibraryRecognition,
  ): Promise<HandoffDialogOptions | undefined> {
    const decision = this.rules.assess({ text: context.activity.text ?? '', intent: recognition.intent });
    return decision ? handoffOptionsFrom(recognition, decision) : undefined;
  }
}

// The patron-facing bot: welcomes, runs the main dialog for every message, saves state each turn.
import {
  ActivityHandler,
  ConversationState,
  StatePropertyAccessor,
  TurnContext,
  UserState,
} from 'botbuilder';
import { DialogState } from 'botbuilder-dialogs';
import { sendReply } from '../channels/renderer';
import { HANDOFF_DIALOG } from '../dialogs/handoff/handoffDialog';
import { MainDialog } from '../dialogs/main/mainDialog';
import type { HandoffCoordinator } from './handoff/handoffCoordinator';
import type { RecentTurns } from './handoff/recentTurns';

/** The handoff's part in patron turns: the relay to staff, and the recent turns staff see. */
export interface PatronHandoff {
  coordinator: HandoffCoordinator;
  turns: RecentTurns;
}

export class PatronBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly mainDialog: MainDialog,
    private readonly handoff?: PatronHandoff,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');

    this.onMembersAdded(async (context, next) => {
      const newcomers = (context.activity.membersAdded ?? []).filter(
        (member) => member.id !== context.activity.recipient.id,
      );
      if (newcomers.length > 0) await sendReply(context, this.mainDialog.capabilities(true));
      await next();
    });

    this.onMessage(async (context, next) => {
      useCardValueAsText(context);
      this.handoff?.turns.begin(context);
      // While waiting for or talking with staff, messages go to the handoff, not the dialogs.
      const handoff = this.handoff ? await this.handoff.coordinator.onPatronMessage(context) : 'not-handoff';
      if (handoff === 'not-handoff') await this.mainDialog.run(context, this.dialogState);
      if (handoff === 'leave-message') {
        await this.mainDialog.run(context, this.dialogState, {
          dialogId: HANDOFF_DIALOG,
          options: { startAt: 'message' },
        });
      }
      await this.handoff?.turns.finish(context);
      await next();
    });

    // Saved once per turn, after every handler, so a dialog never loses what it asked.
    this.onDialog(async (context, next) => {
      await this.conversationState.saveChanges(context, false);
      await this.userState.saveChanges(context, false);
      await next();
    });
  }
}

/**
 * A card button (Action.Submit) arrives as a message with no text and `value.text`;
 * dialogs read text, so the chosen value becomes the message.
 */
export function useCardValueAsText(context: TurnContext): void {
  const value = context.activity.value as { text?: unknown } | undefined;
  if (!context.activity.text && value && typeof value.text === 'string') {
    context.activity.text = value.text;
  }
}

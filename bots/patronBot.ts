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
import { capabilitiesReply, MainDialog } from '../dialogs/mainDialog';

export class PatronBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly mainDialog: MainDialog,
    private readonly libraryName: string,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');

    this.onMembersAdded(async (context, next) => {
      const newcomers = (context.activity.membersAdded ?? []).filter(
        (member) => member.id !== context.activity.recipient.id,
      );
      if (newcomers.length > 0) await sendReply(context, capabilitiesReply(this.libraryName, true));
      await next();
    });

    this.onMessage(async (context, next) => {
      useCardValueAsText(context);
      await this.mainDialog.run(context, this.dialogState);
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

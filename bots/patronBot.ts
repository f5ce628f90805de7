// The patron-facing bot: welcomes, runs the main dialog for every message, saves state each turn.
// Capabilities that take part around the dialogs (the handoff relay) do so through PatronTurnHooks.
import {
  ActivityHandler,
  ConversationState,
  StatePropertyAccessor,
  TurnContext,
  UserState,
} from 'botbuilder';
import { DialogState } from 'botbuilder-dialogs';
import { sendReply } from '../channels/renderer';
import { MainDialog } from '../dialogs/main/mainDialog';
import type { PatronTurnDecision, PatronTurnHook } from './turnHooks';

export class PatronBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly mainDialog: MainDialog,
    private readonly hooks: readonly PatronTurnHook[] = [],
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
      const decision = await this.beforeDialogs(context);
      if (decision.kind === 'continue') await this.mainDialog.run(context, this.dialogState);
      if (decision.kind === 'start') await this.mainDialog.run(context, this.dialogState, decision.start);
      for (const hook of this.hooks) await hook.afterDialogs?.(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      for (const hook of this.hooks) await hook.onEvent?.(context);
      await next();
    });

    // Saved once per turn, after every handler, so a dialog never loses what it asked.
    this.onDialog(async (context, next) => {
      await this.conversationState.saveChanges(context, false);
      await this.userState.saveChanges(context, false);
      await next();
    });
  }

  private async beforeDialogs(context: TurnContext): Promise<PatronTurnDecision> {
    let decision: PatronTurnDecision = { kind: 'continue' };
    // Every hook sees the message (each may need to start recording the turn); the first decision wins.
    for (const hook of this.hooks) {
      const said = (await hook.beforeDialogs?.(context)) ?? { kind: 'continue' };
      if (decision.kind === 'continue') decision = said;
    }
    return decision;
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

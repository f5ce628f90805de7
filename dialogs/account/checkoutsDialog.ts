// "What do I have checked out?" and "when are my books due?": signs the patron in if needed, then
// lists each item with its due date (overdue ones first, said plainly) and whether it can be renewed.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import { messagesOf } from '../conversationLanguage';
import {
  callLibrary,
  currentSession,
  endRouted,
  holdsTextPrompt,
  outageOfferDialog,
} from '../holds/holdsCommon';
import { PatronSignInDialog } from '../holds/patronSignInDialog';
import { featuresOf, signInFor, type AccountDialogDeps } from './accountCommon';
import { checkoutsReplies, notSupportedText } from './accountReplies';

export const CHECKOUTS_DIALOG = 'account.checkouts';
const STEPS = 'checkoutsSteps';

export class CheckoutsDialog extends ComponentDialog {
  constructor(private readonly deps: AccountDialogDeps) {
    super(CHECKOUTS_DIALOG);
    this.addDialog(new PatronSignInDialog(deps));
    this.addDialog(outageOfferDialog(deps));
    this.addDialog(holdsTextPrompt());
    this.addDialog(new WaterfallDialog(STEPS, [this.signIn.bind(this), this.list.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async signIn(step: WaterfallStepContext) {
    // Said before asking for a card and PIN: nothing to sign in for.
    if (!featuresOf(this.deps).checkouts) {
      await sendReply(
        step.context,
        notSupportedText(messagesOf(step.context), 'checkouts', this.deps.wording),
      );
      return endRouted(step);
    }
    return signInFor(step, 'checkouts');
  }

  private async list(step: WaterfallStepContext) {
    if (step.result !== true) return endRouted(step);
    const session = await currentSession(step.context, this.deps);
    if (!session) return endRouted(step);
    const checkouts = await callLibrary(step.context, this.deps, 'listCheckouts', () =>
      this.deps.librarySystem.listCheckouts(session.patronId),
    );
    if (!checkouts) return endRouted(step);
    for (const reply of checkoutsReplies(
      messagesOf(step.context),
      checkouts,
      this.deps.today(),
      featuresOf(this.deps),
    ))
      await sendReply(step.context, reply);
    return endRouted(step);
  }
}

// "Show my holds" and "is my book ready?": signs the patron in if needed, then lists each hold with
// its status (waiting with place in line, in transit, ready at which branch until when).
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sendReply } from '../channels/renderer';
import { holdsListReplies } from '../library/holds/holdsReplies';
import type { RoutedDialogOptions } from './mainDialog';
import { callLibrary, currentSession, endRouted, stepValues, type HoldsDialogDeps } from './holdsCommon';
import { PATRON_SIGN_IN_DIALOG, PatronSignInDialog, type PatronSignInOptions } from './patronSignInDialog';

export const HOLDS_LIST_DIALOG = 'holds.list';
const STEPS = 'holdsListSteps';

interface ListValues {
  readyFirst: boolean;
}

/** Messages that ask whether something can be picked up, rather than for the whole list. */
const askingIfReady = /\b(ready|pick(ed)? ?up|arrived|come in|came in|in yet|available yet)\b/i;

export class HoldsListDialog extends ComponentDialog {
  constructor(private readonly deps: HoldsDialogDeps) {
    super(HOLDS_LIST_DIALOG);
    this.addDialog(new PatronSignInDialog(deps));
    this.addDialog(new WaterfallDialog(STEPS, [this.signIn.bind(this), this.list.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async signIn(step: WaterfallStepContext) {
    const options = step.options as Partial<RoutedDialogOptions> | undefined;
    stepValues<ListValues>(step).readyFirst = askingIfReady.test(options?.recognition?.text ?? '');
    const signIn: PatronSignInOptions = { purpose: 'see your holds' };
    return step.beginDialog(PATRON_SIGN_IN_DIALOG, signIn);
  }

  private async list(step: WaterfallStepContext) {
    if (step.result !== true) return endRouted(step);
    const session = await currentSession(step.context, this.deps);
    if (!session) return endRouted(step);
    const holds = await callLibrary(step.context, this.deps, 'listHolds', () =>
      this.deps.librarySystem.listHolds(session.patronId),
    );
    if (!holds) return endRouted(step);
    for (const reply of holdsListReplies(
      holds,
      this.deps.wording,
      stepValues<ListValues>(step).readyFirst === true,
    )) {
      await sendReply(step.context, reply);
    }
    return endRouted(step);
  }
}

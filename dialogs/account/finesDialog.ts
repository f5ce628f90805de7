// "How much do I owe?", "why can't I place holds?", "why?? how much do i owe": the patron's own
// balance with its lines, why the account is blocked, and how to pay (from the library's FAQ), never
// the library's general fines policy. When nothing blocks the account and the patron asked about
// holds, the hold limit is the answer instead.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import type { Fines, PatronProfile } from '../../library/librarySystem/librarySystem';
import type { RoutedDialogOptions } from '../main/mainDialog';
import { messagesOf } from '../conversationLanguage';
import {
  callLibrary,
  currentSession,
  endRouted,
  holdsTextPrompt,
  outageOfferDialog,
  stepValues,
} from '../holds/holdsCommon';
import { PatronSignInDialog } from '../holds/patronSignInDialog';
import { featuresOf, signInFor, type AccountDialogDeps } from './accountCommon';
import { finesReplies, holdLimitText } from './accountReplies';

export const FINES_DIALOG = 'account.fines';
const STEPS = 'finesSteps';

/** The patron asked why holds do not work ("why can't I place holds?", "why was my hold refused?"). */
const ABOUT_HOLDS = /\b(holds?|reserve|reserving|reservations?|request|reservas?|reservar|apartar)\b/i;

interface FinesValues {
  aboutHolds: boolean;
}

interface Account {
  profile: PatronProfile;
  fines?: Fines;
  holdCount?: number;
}

export class FinesDialog extends ComponentDialog {
  constructor(private readonly deps: AccountDialogDeps) {
    super(FINES_DIALOG);
    this.addDialog(new PatronSignInDialog(deps));
    this.addDialog(outageOfferDialog(deps));
    this.addDialog(holdsTextPrompt());
    this.addDialog(new WaterfallDialog(STEPS, [this.signIn.bind(this), this.show.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async signIn(step: WaterfallStepContext) {
    const recognition = (step.options as Partial<RoutedDialogOptions> | undefined)?.recognition;
    stepValues<FinesValues>(step).aboutHolds = ABOUT_HOLDS.test(recognition?.text ?? '');
    // Blocks are read from the profile, so even without fines the patron learns why.
    return signInFor(step, 'account');
  }

  private async show(step: WaterfallStepContext) {
    if (step.result !== true) return endRouted(step);
    const session = await currentSession(step.context, this.deps);
    if (!session) return endRouted(step);
    const aboutHolds = stepValues<FinesValues>(step).aboutHolds === true;
    const { librarySystem } = this.deps;
    const account = await callLibrary(step.context, this.deps, 'getFines', async (): Promise<Account> => {
      const profile = await librarySystem.getPatron(session.patronId);
      const fines = featuresOf(this.deps).fines ? await librarySystem.getFines(session.patronId) : undefined;
      // Only for "why can't I place holds" on an account nothing blocks: the hold limit may be why.
      const holdCount =
        aboutHolds && profile.blocks.length === 0
          ? (await librarySystem.listHolds(session.patronId)).length
          : undefined;
      return { profile, fines, holdCount };
    });
    if (!account) return endRouted(step);
    const { profile, fines, holdCount } = account;
    if (holdCount !== undefined) {
      // "Why can't I place holds?" on an account nothing blocks: the hold limit is the answer, and
      // a small balance is said as one that does not stop holds.
      await sendReply(
        step.context,
        holdLimitText(messagesOf(step.context), holdCount, profile.holdLimit, fines),
      );
      return endRouted(step);
    }
    for (const reply of finesReplies(messagesOf(step.context), fines, profile.blocks, this.deps.wording))
      await sendReply(step.context, reply);
    return endRouted(step);
  }
}

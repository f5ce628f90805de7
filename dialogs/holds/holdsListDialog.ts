// "Show my holds" and "is my book ready?": signs the patron in if needed, then lists each hold with
// its status (waiting with place in line, in transit, ready at which branch until when).
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import { yesOrNo } from '../../recognizers/replies';
import type { Hold } from '../../library/librarySystem/librarySystem';
import {
  holdsListReplies,
  holdsNamed,
  namedHoldsReply,
  offerOtherHoldsReply,
  pickUpByReply,
} from './holdsReplies';
import type { RoutedDialogOptions } from '../main/mainDialog';
import { messagesOf, turnLanguage } from '../conversationLanguage';
import {
  HOLDS_TEXT_PROMPT,
  callLibrary,
  currentSession,
  endRouted,
  handledStopOrSignOut,
  holdsTextPrompt,
  routeAfresh,
  stepValues,
  textOf,
  type HoldsDialogDeps,
  outageOfferDialog,
} from './holdsCommon';
import { PATRON_SIGN_IN_DIALOG, PatronSignInDialog, type PatronSignInOptions } from './patronSignInDialog';

export const HOLDS_LIST_DIALOG = 'holds.list';
const STEPS = 'holdsListSteps';

interface ListValues {
  readyFirst: boolean;
  /** "When do I have to pick it up by?": the last day for each ready hold. */
  deadline: boolean;
  /** The title the patron named, to answer about that hold first. */
  named?: string;
  others: Hold[];
}

/** Messages that ask whether something can be picked up, rather than for the whole list. */
const askingIfReady = /\b(ready|pick(ed)? ?up|arrived|come in|came in|in yet|available yet)\b/i;
/** Messages that ask until when a ready hold is kept. */
const askingDeadline =
  /\b((pick|get) (it |them |(my|the) \w+ )?up (it |them |(my|the) \w+ )?by|by when|until when|how long (do i have|will (you|they) (keep|hold))|deadline|last day|when (do|must|should) i (pick|get))\b/i;

export class HoldsListDialog extends ComponentDialog {
  constructor(private readonly deps: HoldsDialogDeps) {
    super(HOLDS_LIST_DIALOG);
    this.addDialog(new PatronSignInDialog(deps));
    this.addDialog(outageOfferDialog(deps));
    this.addDialog(holdsTextPrompt());
    this.addDialog(
      new WaterfallDialog(STEPS, [this.signIn.bind(this), this.list.bind(this), this.listOthers.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private async signIn(step: WaterfallStepContext) {
    const options = step.options as Partial<RoutedDialogOptions> | undefined;
    const values = stepValues<ListValues>(step);
    values.readyFirst = askingIfReady.test(options?.recognition?.text ?? '');
    values.deadline = askingDeadline.test(options?.recognition?.text ?? '');
    values.named = options?.recognition?.entities.title ?? options?.recognition?.text;
    const signIn: PatronSignInOptions = { purpose: 'seeHolds' };
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
    const values = stepValues<ListValues>(step);
    const m = messagesOf(step.context);
    if (values.deadline) {
      await sendReply(step.context, pickUpByReply(m, holds, this.deps.wording));
      return endRouted(step);
    }
    const named = holdsNamed(holds, values.named);
    if (named.length > 0) {
      // "Where am I in line for Lessons in Chemistry?": that hold first, then offer the rest.
      await sendReply(step.context, namedHoldsReply(m, named, this.deps.wording));
      const others = holds.filter((h) => !named.includes(h));
      if (others.length === 0) return endRouted(step);
      values.others = others;
      const offer = offerOtherHoldsReply(m, others.length);
      await sendReply(step.context, offer);
      // Any answer goes to the next step: a new question there is routed, not re-asked.
      return step.prompt(HOLDS_TEXT_PROMPT, { validations: { reply: offer } });
    }
    for (const reply of holdsListReplies(
      m,
      holds,
      this.deps.wording,
      stepValues<ListValues>(step).readyFirst === true,
      this.deps.librarySystem.features,
    )) {
      await sendReply(step.context, reply);
    }
    return endRouted(step);
  }

  private async listOthers(step: WaterfallStepContext) {
    const text = textOf(step);
    if (await handledStopOrSignOut(step.context, text, this.deps)) return endRouted(step);
    const m = messagesOf(step.context);
    const offer = offerOtherHoldsReply(m, 2);
    const answer = offer.kind === 'confirm' ? yesOrNo(text, offer, turnLanguage(step.context)) : undefined;
    if (answer === 'yes') {
      const others = stepValues<ListValues>(step).others ?? [];
      for (const reply of holdsListReplies(m, others, this.deps.wording))
        await sendReply(step.context, reply);
    } else if (answer === 'no') {
      await sendReply(step.context, m.holds.anythingElse);
    } else {
      routeAfresh(step.context);
    }
    return endRouted(step);
  }
}

// "Cancel my hold on Project Hail Mary": pick among the patron's own holds by name or number,
// confirm, cancel. Only holds listed for the signed-in patron can be chosen, and the library system
// checks ownership again, so another patron's hold id can never be cancelled from here.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import { chosenOption } from '../../recognizers/replies';
import type { Reply } from '../../channels/reply';
import { LibrarySystemError } from '../../library/librarySystem/errors';
import type { Hold } from '../../library/librarySystem/librarySystem';
import { scoreRecord } from '../../library/librarySystem/catalogSearch';
import {
  cancelChoiceReply,
  inPickupOrder,
  cancelledReply,
  confirmCancelReply,
  refusalText,
} from './holdsReplies';
import type { RoutedDialogOptions } from '../main/mainDialog';
import { messagesOf, turnLanguage } from '../conversationLanguage';
import {
  endRouted,
  answerYesNo,
  ask,
  callLibrary,
  currentSession,
  handledStopOrSignOut,
  holdsTextPrompt,
  stepValues,
  textOf,
  titleNamed,
  type HoldsDialogDeps,
  outageOfferDialog,
} from './holdsCommon';
import { PATRON_SIGN_IN_DIALOG, PatronSignInDialog, type PatronSignInOptions } from './patronSignInDialog';

export const CANCEL_HOLD_DIALOG = 'holds.cancel';
const STEPS = 'cancelHoldSteps';

interface CancelValues {
  /** The title or words the patron named, to pick the hold without asking. */
  hint: string;
  holds: Hold[];
  hold: Hold;
}

export class CancelHoldDialog extends ComponentDialog {
  constructor(private readonly deps: HoldsDialogDeps) {
    super(CANCEL_HOLD_DIALOG);
    this.addDialog(new PatronSignInDialog(deps));
    this.addDialog(outageOfferDialog(deps));
    this.addDialog(holdsTextPrompt());
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.start.bind(this),
        this.chooseHold.bind(this),
        this.confirm.bind(this),
        this.cancel.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async start(step: WaterfallStepContext) {
    const recognition = (step.options as Partial<RoutedDialogOptions> | undefined)?.recognition;
    stepValues<CancelValues>(step).hint = recognition?.entities.title ?? recognition?.text ?? '';
    const signIn: PatronSignInOptions = { purpose: 'cancelHold' };
    return step.beginDialog(PATRON_SIGN_IN_DIALOG, signIn);
  }

  private async chooseHold(step: WaterfallStepContext) {
    if (step.result !== true) return endRouted(step);
    const values = stepValues<CancelValues>(step);
    const session = await currentSession(step.context, this.deps);
    if (!session) return endRouted(step);
    const holds = await callLibrary(step.context, this.deps, 'listHolds', () =>
      this.deps.librarySystem.listHolds(session.patronId),
    );
    if (!holds) return endRouted(step);
    if (holds.length === 0) {
      await sendReply(step.context, messagesOf(step.context).holds.noneToCancel);
      return endRouted(step);
    }
    // The same order as the holds list, so a number read there means the same hold here.
    values.holds = inPickupOrder(holds);
    const named = this.namedHold(values.holds, values.hint ?? '');
    if (named) return step.next(String(values.holds.indexOf(named) + 1));
    const titles = values.holds.map((h) => h.title);
    return ask(step, cancelChoiceReply(messagesOf(step.context), values.holds), { titles });
  }

  private async confirm(step: WaterfallStepContext) {
    const values = stepValues<CancelValues>(step);
    const text = textOf(step);
    if (await handledStopOrSignOut(step.context, text, this.deps)) return endRouted(step);
    const holds = values.holds ?? [];
    const m = messagesOf(step.context);
    const options = (cancelChoiceReply(m, holds) as Extract<Reply, { kind: 'choice' }>).options;
    const chosen = chosenOption(text, options, turnLanguage(step.context));
    // "the hail mary one": a hold named in the patron's own words.
    const index = chosen
      ? options.indexOf(chosen)
      : (titleNamed(
          holds.map((h) => h.title),
          text,
        ) ?? -1);
    if (index < 0 || index >= holds.length) {
      await sendReply(step.context, m.holds.keptAll);
      return endRouted(step);
    }
    values.hold = holds[index];
    return ask(step, confirmCancelReply(m, holds[index]));
  }

  private async cancel(step: WaterfallStepContext) {
    const values = stepValues<CancelValues>(step);
    const hold = values.hold as Hold;
    const m = messagesOf(step.context);
    const answer = await answerYesNo(step, this.deps, confirmCancelReply(m, hold));
    if (answer === 'stop') return endRouted(step);
    if (answer === 'no') {
      await sendReply(step.context, m.holds.kept(hold.title));
      return endRouted(step);
    }
    const session = await currentSession(step.context, this.deps);
    if (!session) return endRouted(step);
    try {
      const done = await callLibrary(step.context, this.deps, 'cancelHold', async () => {
        await this.deps.librarySystem.cancelHold(session.patronId, hold.holdId);
        return true;
      });
      if (!done) return endRouted(step);
      this.deps.logger?.info({ event: 'hold.cancelled', patronKey: session.patronKey }, 'hold cancelled');
      await sendReply(step.context, cancelledReply(m, hold));
    } catch (error) {
      if (!(error instanceof LibrarySystemError)) throw error;
      await sendReply(step.context, refusalText(m, error, this.deps.wording, hold.title));
    }
    return endRouted(step);
  }

  /** The one hold whose title the patron named ("cancel The Midnight Library"), if exactly one fits. */
  private namedHold(holds: Hold[], hint: string): Hold | undefined {
    const words = hint.replace(
      /\b(cancel|remove|delete|drop|don'?t need|no longer want|cancelar|cancele|cancela|quitar|quite|borrar|ya no (quiero|necesito)|la reserva de|mi reserva de)\b/gi,
      ' ',
    );
    const scored = holds
      .map((hold) => ({
        hold,
        score: scoreRecord({ title: hold.title, author: hold.author, subjects: [] }, { keywords: words }),
      }))
      .filter((s) => s.score > 0);
    return scored.length === 1 ? scored[0].hold : undefined;
  }
}

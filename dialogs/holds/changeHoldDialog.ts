// "Change the pickup for my hold to Oak Hill", "pause my hold on Dune", "resume my holds": which
// hold (named, or asked among the patron's own), which branch (named, or asked), confirm, change.
// Offered only when the library system can (features.changePickup, features.suspendHold), and said
// plainly before any sign-in when it cannot. A hold on the shelf keeps its branch, said with where
// and until when it waits.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import type { Reply } from '../../channels/reply';
import { LibrarySystemError } from '../../library/librarySystem/errors';
import type { Hold, PickupLocation } from '../../library/librarySystem/librarySystem';
import { chosenOption } from '../../recognizers/replies';
import type { RoutedDialogOptions } from '../main/mainDialog';
import {
  answerYesNo,
  ask,
  callLibrary,
  currentSession,
  endRouted,
  handledStopOrSignOut,
  holdsTextPrompt,
  outageOfferDialog,
  stepValues,
  textOf,
  type HoldsDialogDeps,
} from './holdsCommon';
import {
  branchChoiceReply,
  changeChoiceReply,
  cannotChangeText,
  changeNotSupportedText,
  confirmPauseReply,
  confirmPickupReply,
  nothingToChangeText,
  notPickupText,
  pausedReply,
  pickupChangedReply,
  readyHoldText,
  resumedReply,
  samePickupText,
  type HoldChange,
} from './changeHoldReplies';
import { inPickupOrder, refusalText } from './holdsReplies';
import { messagesOf, turnLanguage } from '../conversationLanguage';
import { namedItems } from './namedItem';
import { PATRON_SIGN_IN_DIALOG, PatronSignInDialog, type PatronSignInOptions } from './patronSignInDialog';

export const CHANGE_HOLD_DIALOG = 'holds.change';
const PICKUP_STEPS = 'changePickupSteps';
const PAUSE_STEPS = 'pauseHoldSteps';
const DISPATCH = 'changeHoldDispatch';

const RESUME =
  /\b(resume|un-?pause|unfreeze|un-?suspend|re-?activate|restart|back on|start (it )?again|activate|reactivar|reactive|reanudar|reanude|despausar|quitar la pausa)\b/i;
const PAUSE =
  /\b(pause|paws|suspend|suspnd|freeze|hold off|delay|vacation|out of town|travell?ing|not yet|pausar|pause|pausa|suspender|suspenda|congelar|vacaciones|de viaje)\b/i;
/** "pause my hold until April 3": a day it starts again by itself (a bare "next week" is not one). */
const UNTIL = /\b(until|till|til|through|thru|hasta)\b/i;
/** The request's own words, taken out before looking for a title in the message. */
const REQUEST_WORDS =
  /\b(change|chnage|chage|switch|swap|move|mov|transfer|send|sent|deliver|pick ?up|pikup|location|branch|holds?|reservations?|requests?|pause|paused|suspend|freeze|resume|unpause|reactivate|instead|please|pls|plz|wrong|different|another|else|somewhere|cambiar|cambie|cambia|mover|mueva|mandar|mande|enviar|env[ií]e|recoger|recogida|sucursal|biblioteca|reservas?|pausar|suspender|reactivar|mi|mis|la|el|de|del|a|al|en|para|por favor|porfa|otra|otro|quiero)\b/gi;

interface ChangeOptions {
  change: HoldChange;
  /** The patron's words without the branch they named, to find a title in. */
  hint: string;
  branchId?: string;
  /** For a pause: the day it starts again by itself (yyyy-MM-dd). */
  until?: string;
}

interface ChangeValues extends ChangeOptions {
  /** The holds offered, in the order shown. */
  holds: Hold[];
  hold: Hold;
  locations: PickupLocation[];
}

export class ChangeHoldDialog extends ComponentDialog {
  constructor(private readonly deps: HoldsDialogDeps) {
    super(CHANGE_HOLD_DIALOG);
    this.addDialog(new PatronSignInDialog(deps));
    this.addDialog(outageOfferDialog(deps));
    this.addDialog(holdsTextPrompt());
    this.addDialog(new WaterfallDialog(DISPATCH, [this.dispatch.bind(this), this.finish.bind(this)]));
    this.addDialog(
      new WaterfallDialog(PICKUP_STEPS, [
        this.signIn.bind(this),
        this.chooseHold.bind(this),
        this.chooseBranch.bind(this),
        this.confirmBranch.bind(this),
        this.changePickup.bind(this),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(PAUSE_STEPS, [
        this.signIn.bind(this),
        this.chooseHold.bind(this),
        this.confirmPause.bind(this),
        this.pauseOrResume.bind(this),
      ]),
    );
    this.initialDialogId = DISPATCH;
  }

  /** Which change, and whether this library system can make it (said before any sign-in). */
  private async dispatch(step: WaterfallStepContext) {
    const recognition = (step.options as Partial<RoutedDialogOptions> | undefined)?.recognition;
    const text = recognition?.text ?? '';
    const change: HoldChange = RESUME.test(text) ? 'resume' : PAUSE.test(text) ? 'pause' : 'pickup';
    const features = this.deps.librarySystem.features;
    if (!(change === 'pickup' ? features.changePickup : features.suspendHold)) {
      await sendReply(
        step.context,
        changeNotSupportedText(messagesOf(step.context), change, this.deps.wording),
      );
      return endRouted(step);
    }
    const branch = recognition?.entities.branch;
    const date = recognition?.entities.date;
    const options: ChangeOptions = {
      change,
      hint: branch ? without(text, branch.text) : text,
      ...(branch && change === 'pickup' ? { branchId: branch.branchId } : {}),
      ...(change === 'pause' && date && UNTIL.test(text) ? { until: date.start } : {}),
    };
    return step.beginDialog(change === 'pickup' ? PICKUP_STEPS : PAUSE_STEPS, options);
  }

  /** The inner steps ended with endRouted: pass their result up to MainDialog. */
  private async finish(step: WaterfallStepContext) {
    return step.endDialog(step.result);
  }

  private async signIn(step: WaterfallStepContext) {
    Object.assign(step.values, step.options as ChangeOptions);
    const purpose = { pickup: 'changeHold', pause: 'pauseHold', resume: 'resumeHold' } as const;
    const signIn: PatronSignInOptions = {
      purpose: purpose[stepValues<ChangeValues>(step).change ?? 'pickup'],
    };
    return step.beginDialog(PATRON_SIGN_IN_DIALOG, signIn);
  }

  /** The hold named in the message, the only one that can change, or a question. */
  private async chooseHold(step: WaterfallStepContext) {
    if (step.result !== true) return endRouted(step);
    const values = stepValues<ChangeValues>(step);
    const change = values.change ?? 'pickup';
    const m = messagesOf(step.context);
    const session = await currentSession(step.context, this.deps);
    if (!session) return endRouted(step);
    const all = await callLibrary(step.context, this.deps, 'listHolds', () =>
      this.deps.librarySystem.listHolds(session.patronId),
    );
    if (!all) return endRouted(step);
    const holds = inPickupOrder(all);
    const named = namedItems(holds, values.hint ?? '', REQUEST_WORDS);
    if (named.length === 1 && !canTake(named[0], change)) {
      // The hold the patron named cannot take this change: say why rather than offer others.
      await sendReply(step.context, cannotChangeText(m, named[0], change, this.deps.wording));
      return endRouted(step);
    }
    values.holds = holds.filter((h) => canTake(h, change));
    if (values.holds.length === 0) {
      await sendReply(step.context, nothingToChangeText(m, change, holds.length > 0));
      return endRouted(step);
    }
    const chosen = named.length === 1 ? named[0] : values.holds.length === 1 ? values.holds[0] : undefined;
    if (chosen) return step.next(String(values.holds.indexOf(chosen) + 1));
    return ask(step, changeChoiceReply(m, values.holds, change));
  }

  /** The hold chosen, or undefined after saying that nothing changed. */
  private async readHold(step: WaterfallStepContext): Promise<Hold | undefined> {
    const values = stepValues<ChangeValues>(step);
    const text = textOf(step);
    if (await handledStopOrSignOut(step.context, text, this.deps)) return undefined;
    const holds = values.holds ?? [];
    const m = messagesOf(step.context);
    const options = (
      changeChoiceReply(m, holds, values.change ?? 'pickup') as Extract<Reply, { kind: 'choice' }>
    ).options;
    const chosen = chosenOption(text, options, turnLanguage(step.context));
    const index = chosen ? options.indexOf(chosen) : -1;
    if (index < 0 || index >= holds.length) {
      await sendReply(step.context, m.holds.change.noneChanged);
      return undefined;
    }
    values.hold = holds[index];
    return holds[index];
  }

  private async chooseBranch(step: WaterfallStepContext) {
    const hold = await this.readHold(step);
    if (!hold) return endRouted(step);
    const values = stepValues<ChangeValues>(step);
    const m = messagesOf(step.context);
    const locations = await callLibrary(step.context, this.deps, 'listPickupLocations', () =>
      this.deps.librarySystem.listPickupLocations(),
    );
    if (!locations) return endRouted(step);
    values.locations = locations;
    const branchId = values.branchId;
    if (branchId && branchId === hold.pickupBranchId) {
      await sendReply(step.context, samePickupText(m, hold, this.deps.wording));
      return endRouted(step);
    }
    if (branchId && locations.some((l) => l.branchId === branchId)) return step.next(branchId);
    if (branchId) await sendReply(step.context, notPickupText(m, this.deps.wording.branchName(branchId)));
    values.branchId = undefined;
    return ask(step, branchChoiceReply(m, hold, locations));
  }

  private async confirmBranch(step: WaterfallStepContext) {
    const values = stepValues<ChangeValues>(step);
    const hold = values.hold as Hold;
    const m = messagesOf(step.context);
    if (!values.branchId) {
      const text = textOf(step);
      if (await handledStopOrSignOut(step.context, text, this.deps)) return endRouted(step);
      const offered = (values.locations ?? []).filter((l) => l.branchId !== hold.pickupBranchId);
      const options = (
        branchChoiceReply(m, hold, values.locations ?? []) as Extract<Reply, { kind: 'choice' }>
      ).options;
      const chosen = chosenOption(text, options, turnLanguage(step.context));
      if (!chosen) {
        await sendReply(step.context, m.holds.change.whichBranchMissed);
        return endRouted(step);
      }
      values.branchId = offered[options.indexOf(chosen)].branchId;
    }
    return ask(step, confirmPickupReply(m, hold, values.branchId, this.deps.wording));
  }

  private async changePickup(step: WaterfallStepContext) {
    const values = stepValues<ChangeValues>(step);
    const hold = values.hold as Hold;
    const branchId = values.branchId as string;
    const m = messagesOf(step.context);
    const answer = await answerYesNo(
      step,
      this.deps,
      confirmPickupReply(m, hold, branchId, this.deps.wording),
    );
    if (answer === 'stop') return endRouted(step);
    if (answer === 'no') {
      await sendReply(step.context, m.holds.change.unchanged(hold.title));
      return endRouted(step);
    }
    await this.change(step, hold, 'changePickup', async (patronId) => {
      const changed = await this.deps.librarySystem.changePickup(patronId, hold.holdId, branchId);
      return pickupChangedReply(m, changed, branchId, this.deps.wording);
    });
    return endRouted(step);
  }

  private async confirmPause(step: WaterfallStepContext) {
    const hold = await this.readHold(step);
    if (!hold) return endRouted(step);
    const values = stepValues<ChangeValues>(step);
    // Resuming loses nothing: no question.
    if (values.change === 'resume') return step.next('yes');
    return ask(step, confirmPauseReply(messagesOf(step.context), hold, values.until));
  }

  private async pauseOrResume(step: WaterfallStepContext) {
    const values = stepValues<ChangeValues>(step);
    const hold = values.hold as Hold;
    const m = messagesOf(step.context);
    if (values.change === 'pause') {
      const answer = await answerYesNo(step, this.deps, confirmPauseReply(m, hold, values.until));
      if (answer === 'stop') return endRouted(step);
      if (answer === 'no') {
        await sendReply(step.context, m.holds.change.staysActive(hold.title));
        return endRouted(step);
      }
      await this.change(step, hold, 'suspendHold', async (patronId) => {
        const paused = await this.deps.librarySystem.suspendHold(patronId, hold.holdId, values.until);
        return pausedReply(m, paused, values.until);
      });
    } else {
      await this.change(step, hold, 'resumeHold', async (patronId) =>
        resumedReply(m, await this.deps.librarySystem.resumeHold(patronId, hold.holdId), this.deps.wording),
      );
    }
    return endRouted(step);
  }

  /** Makes the change and says how it went; each refusal in its own words. */
  private async change(
    step: WaterfallStepContext,
    hold: Hold,
    operation: string,
    make: (patronId: string) => Promise<Reply>,
  ): Promise<void> {
    const session = await currentSession(step.context, this.deps);
    if (!session) return;
    try {
      const reply = await callLibrary(step.context, this.deps, operation, () => make(session.patronId));
      if (!reply) return;
      this.deps.logger?.info({ event: `hold.${operation}`, patronKey: session.patronKey }, 'hold changed');
      await sendReply(step.context, reply);
    } catch (error) {
      if (!(error instanceof LibrarySystemError)) throw error;
      const m = messagesOf(step.context);
      const text =
        error.code === 'hold-not-changeable' && operation === 'changePickup'
          ? readyHoldText(m, hold, this.deps.wording)
          : refusalText(m, error, this.deps.wording, hold.title);
      await sendReply(step.context, text);
    }
  }
}

/** Whether this change can apply to the hold: a new branch until it is on the shelf; pause while waiting. */
function canTake(hold: Hold, change: HoldChange): boolean {
  if (change === 'pickup') return hold.status.state !== 'ready';
  if (change === 'pause') return hold.status.state === 'waiting' && !hold.suspended;
  return hold.suspended !== undefined;
}

/** The text without the words the patron used for the branch ("Oak Hill" is no title word). */
function without(text: string, part: string): string {
  const at = text.toLowerCase().indexOf(part.toLowerCase());
  return at < 0 ? text : `${text.slice(0, at)} ${text.slice(at + part.length)}`;
}

// Signs a patron in with card number then PIN, only when a holds action needs it. The dialog's saved
// state holds neither: the card number waits, sealed, in PatronSessions' shared storage for the PIN
// turn (which another instance may answer), and the PIN
// is read from turn state (put there by SensitiveInputMiddleware, which withheld it from the
// message) and passed straight to the library system. Ends with true when signed in.
import { ActivityTypes, type TurnContext } from 'botbuilder';
import {
  Dialog,
  DialogReason,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import { clientKey, conversationKey, markTurnSensitive, SENSITIVE_INPUT, withheldInput } from '../turnState';
import { messagesOf } from '../conversationLanguage';
import type { SignInMessages } from '../../library/language/catalogs/en/signIn';
import { LibrarySystemUnavailableError } from '../../library/librarySystem/errors';
import { cardNumberIn, credentialsIn, looksLikeCardNumber, pinIn } from '../../library/privacy';
import type { SignInResult } from '../../library/patronSessions/patronSessions';
import { screenAnswer, type WithheldInput } from '../../library/patronSessions/sensitiveInput';
import {
  callLibrary,
  currentSession,
  handledStopOrSignOut,
  routeAfresh,
  sessionChanged,
  sessionLookup,
  signOutPatron,
  type HoldsDialogDeps,
} from './holdsCommon';

export const PATRON_SIGN_IN_DIALOG = 'patronSignIn';

/** What signing in is for, named in the turn's language when asked ("To see your holds, ..."). */
export type SignInPurpose = keyof SignInMessages['purposes'];

export interface PatronSignInOptions {
  purpose: SignInPurpose;
}

interface SignInState {
  stage: 'card' | 'pin';
  purpose: SignInPurpose;
  cardTries: number;
  pinTries: number;
}

/**
 * The card-number and PIN questions carry channelData `{ libraryBot: { sensitiveInput: 'card' | 'pin' } }`
 * so a web page can switch to a password field and Direct Line keeps a placeholder for the answer.
 */

export class PatronSignInDialog extends Dialog<PatronSignInOptions> {
  constructor(private readonly deps: HoldsDialogDeps) {
    super(PATRON_SIGN_IN_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: PatronSignInOptions): Promise<DialogTurnResult> {
    // The library system could not say who the signed-in patron is (an outage, said): stop here.
    if (!(await sessionLookup(dc.context, this.deps))) return dc.endDialog(false);
    if (await currentSession(dc.context, this.deps)) return dc.endDialog(true);
    if (this.deps.entra) return this.offerEntraSignIn(dc, options?.purpose ?? 'other');
    const state: SignInState = {
      stage: 'card',
      purpose: options?.purpose ?? 'other',
      cardTries: 0,
      pinTries: 0,
    };
    dc.activeDialog!.state = state;
    // A card number (and PIN) typed in the request itself ("my card is ... and pin ... what's on
    // hold"): the gate masked them in the message; use them rather than ask again.
    const typed = withheldInput(dc.context);
    if (typed?.kind === 'message') {
      const { cardNumber, pin } = credentialsIn(typed.raw);
      const key = conversationKey(dc.context.activity);
      if (cardNumber && pin)
        return this.verify(dc, state, () =>
          this.deps.sessions.signIn(key, cardNumber, pin, clientKey(dc.context.activity)),
        );
      if (cardNumber) {
        await this.deps.sessions.rememberCard(key, cardNumber);
        await this.askPin(dc, state);
        return Dialog.EndOfTurn;
      }
    }
    await this.askCard(dc, state, true);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as SignInState;
    // Asked again below when the next answer is a card number or PIN too.
    markSensitive(dc, false);
    const withheld = withheldInput(dc.context) ?? screenHere(dc, state.stage);
    await this.deps.sensitiveInput.clear(dc.context);
    const text = dc.context.activity.text ?? '';
    if (!withheld || (withheld.kind !== state.stage && withheld.kind !== 'message')) {
      // No card number or PIN in it: a new request ("what time do you close?") or "never mind".
      if (await handledStopOrSignOut(dc.context, text, this.deps)) return this.notSignedIn(dc);
      routeAfresh(dc.context);
      return this.notSignedIn(dc);
    }
    return state.stage === 'card'
      ? this.readCard(dc, state, withheld.raw)
      : this.readPin(dc, state, withheld.raw);
  }

  private async readCard(dc: DialogContext, state: SignInState, raw: string): Promise<DialogTurnResult> {
    const key = conversationKey(dc.context.activity);
    // Card number and PIN in one message ("21000000000001 2468"): both shown nowhere, both used.
    const { cardNumber, pin } = credentialsIn(raw);
    if (cardNumber && pin)
      return this.verify(dc, state, () =>
        this.deps.sessions.signIn(key, cardNumber, pin, clientKey(dc.context.activity)),
      );
    const card = cardNumberIn(raw);
    if (!card || !looksLikeCardNumber(card)) {
      state.cardTries += 1;
      if (state.cardTries >= 3) return this.giveUp(dc);
      await sendReply(dc.context, messagesOf(dc.context).signIn.notACard);
      await this.askCard(dc, state, false);
      return Dialog.EndOfTurn;
    }
    await this.deps.sessions.rememberCard(key, card);
    await this.askPin(dc, state);
    return Dialog.EndOfTurn;
  }

  private async readPin(dc: DialogContext, state: SignInState, raw: string): Promise<DialogTurnResult> {
    const key = conversationKey(dc.context.activity);
    // "cancel" or "stop" is one word too, so it arrives withheld like a PIN: not an attempt.
    if (await handledStopOrSignOut(dc.context, raw, this.deps)) return this.notSignedIn(dc);
    const pin = pinIn(raw);
    if (!pin) {
      state.pinTries += 1;
      if (state.pinTries >= 3 || !(await this.deps.sessions.hasPendingCard(key))) return this.giveUp(dc);
      await sendReply(dc.context, messagesOf(dc.context).signIn.pinNotRead);
      await this.askPin(dc, state);
      return Dialog.EndOfTurn;
    }
    return this.verify(dc, state, () =>
      this.deps.sessions.signInWithPin(key, pin, clientKey(dc.context.activity)),
    );
  }

  /** Checks the card number and PIN with the library system and says how it went. */
  private async verify(
    dc: DialogContext,
    state: SignInState,
    signIn: () => Promise<SignInResult | undefined>,
  ): Promise<DialogTurnResult> {
    const outcome = await callLibrary(dc.context, this.deps, 'verifyPatron', async () => ({
      result: await signIn(),
    }));
    if (!outcome) return this.notSignedIn(dc);
    const says = messagesOf(dc.context).signIn;
    const result = outcome.result;
    if (!result) {
      // The typed card number was forgotten (a restart, or a long pause): start over.
      await sendReply(dc.context, says.tookAWhile);
      await this.askCard(dc, state, false);
      return Dialog.EndOfTurn;
    }
    if (result.ok) {
      this.deps.logger?.info(
        { event: 'patron.signedIn', patronKey: result.session.patronKey },
        'patron signed in',
      );
      sessionChanged(dc.context);
      await this.deps.sensitiveInput.forget(dc.context);
      await sendReply(dc.context, says.signedIn(result.session.name.split(' ')[0]));
      return dc.endDialog(true);
    }
    if (result.reason === 'locked') {
      this.deps.logger?.warn(
        { event: 'patron.signInLocked' },
        'patron sign-in locked after repeated failures',
      );
      await sendReply(dc.context, says.locked(result.retryAfterMinutes, this.deps.wording.library.phone));
      return this.notSignedIn(dc);
    }
    // Straight back to the card number with the gate armed: whatever is typed next (often the PIN
    // again) is withheld, never read as an answer to a yes/no question.
    await this.askCard(dc, state, false, says.notVerified(result.attemptsLeft));
    return Dialog.EndOfTurn;
  }

  /** Ends without a session: nothing may wait for a card number or PIN any more. */
  private async notSignedIn(dc: DialogContext): Promise<DialogTurnResult> {
    await this.deps.sensitiveInput.clear(dc.context);
    await this.deps.sessions.forgetPendingCard(conversationKey(dc.context.activity));
    return dc.endDialog(false);
  }

  /** Cancelled (MainDialog's "cancel" / "start over"): nothing may wait for a card number or PIN. */
  override async endDialog(
    context: TurnContext,
    _instance: DialogInstance,
    reason: DialogReason,
  ): Promise<void> {
    if (reason !== DialogReason.cancelCalled) return;
    await this.deps.sensitiveInput.clear(context);
    await this.deps.sessions.forgetPendingCard(conversationKey(context.activity));
  }

  /**
   * Single sign-on: a link to the library's identity provider, bound to this conversation. The
   * patron comes back to the chat signed in (the callback route calls EntraSignIn.complete) and
   * asks again; this dialog ends now.
   */
  private async offerEntraSignIn(dc: DialogContext, purpose: SignInPurpose): Promise<DialogTurnResult> {
    const entra = this.deps.entra as NonNullable<HoldsDialogDeps['entra']>;
    const started = await callLibrary(dc.context, this.deps, 'entraSignIn', () =>
      entra.begin(conversationKey(dc.context.activity)).catch(() => {
        throw new LibrarySystemUnavailableError('outage');
      }),
    );
    if (!started) return dc.endDialog(false);
    const says = messagesOf(dc.context).signIn;
    await sendReply(dc.context, {
      kind: 'list',
      title: says.entraTitle(says.purposes[purpose]),
      items: [
        { title: says.entraItem, lines: [says.entraLine], link: { label: says.entraLink, url: started.url } },
      ],
    });
    return dc.endDialog(false);
  }

  private async giveUp(dc: DialogContext): Promise<DialogTurnResult> {
    await signOutPatron(dc.context, this.deps);
    await sendReply(dc.context, messagesOf(dc.context).signIn.giveUp(this.deps.wording.library.phone));
    return this.notSignedIn(dc);
  }

  private async askCard(
    dc: DialogContext,
    state: SignInState,
    first: boolean,
    question?: string,
  ): Promise<void> {
    state.stage = 'card';
    markSensitive(dc, true);
    await this.deps.sensitiveInput.expect(dc.context, 'card');
    const says = messagesOf(dc.context).signIn;
    const text =
      question ?? (first ? says.askCardFor(says.purposes[state.purpose], says.askCard) : says.askCard);
    await sendReply(dc.context, { kind: 'text', text, sensitive: 'card' });
  }

  private async askPin(dc: DialogContext, state: SignInState): Promise<void> {
    state.stage = 'pin';
    markSensitive(dc, true);
    await this.deps.sensitiveInput.expect(dc.context, 'pin');
    await sendReply(dc.context, {
      kind: 'text',
      text: messagesOf(dc.context).signIn.askPin,
      sensitive: 'pin',
    });
  }
}

/**
 * Tells MainDialog (through the routed dialog's state) that the next message is a card number or
 * PIN, so it goes straight here and is never read as a command or sent to the recognizer.
 */
function markSensitive(dc: DialogContext, waiting: boolean): void {
  const routed = dc.parent?.activeDialog;
  if (routed) (routed.state as Record<string, unknown>)[SENSITIVE_INPUT] = waiting;
}

/**
 * This dialog waits for a card number or PIN, but the gate did not know (its entry had expired, or
 * was lost with a failed turn): screen the answer here, on this dialog's own state, before anything later keeps it.
 */
function screenHere(dc: DialogContext, stage: SignInState['stage']): WithheldInput | undefined {
  const screened = screenAnswer(stage, dc.context.activity.text ?? '');
  if (!screened.withheld) return undefined;
  dc.context.activity.text = screened.visibleText;
  markTurnSensitive(dc.context, screened.withheld);
  return screened.withheld;
}

// What the holds dialogs share: their dependencies, the patron's session for this conversation,
// asking with a Reply and reading the answer, and the outage apology. No channel checks here: the
// renderer decides how each Reply looks.
import type { TurnContext } from 'botbuilder';
import {
  type PromptValidatorContext,
  type WaterfallStepContext,
  TextPrompt,
  WaterfallDialog,
} from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import { questionOf, type ChoiceOption, type Reply } from '../../channels/reply';
import { scoreRecord } from '../../library/librarySystem/catalogSearch';
import { readCorrection } from '../../recognizers/corrections';
import { understandReply, yesOrNo, type ReplyQuestion } from '../../recognizers/replies';
import { conversationKey } from '../turnState';
import type { RoutedDialogResult } from '../main/mainDialog';
import {
  FeatureNotSupportedError,
  LibrarySystemUnavailableError,
  PatronNotVerifiedError,
} from '../../library/librarySystem/errors';
import type { LibrarySystem } from '../../library/librarySystem/librarySystem';
import {
  isPersonRequest,
  isSignOutRequest,
  isStopRequest,
  outageReplies,
  refusalText,
  type HoldsWording,
} from './holdsReplies';
import { messagesOf, turnLanguage, messageLanguage } from '../conversationLanguage';
import type {
  PatronSession,
  PatronSessions,
  SessionLookup,
} from '../../library/patronSessions/patronSessions';
import type { SensitiveInputState } from './sensitiveInputState';
import type { EntraSignIn } from '../../library/patronSessions/entraSignIn';
import type { PatronMessageRecognizer } from '../../recognizers/libraryRecognition';

/** The few logger methods the holds dialogs use (pino's Logger fits). Never given a PIN or card. */
export interface HoldsLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface HoldsDialogDeps {
  /** Already wrapped with guardLibrarySystem (time limit, failures become "unavailable"). */
  librarySystem: LibrarySystem;
  sessions: PatronSessions;
  /** The sign-in gate, kept in conversation state (shared by every instance). */
  sensitiveInput: SensitiveInputState;
  wording: HoldsWording;
  logger?: HoldsLogger;
  /** Present when the library signs patrons in with Microsoft Entra ID instead of card + PIN. */
  entra?: EntraSignIn;
  /** The bot's recognizer: tells a new request from an answer at free-text questions. */
  recognizer?: PatronMessageRecognizer;
}

export const HOLDS_TEXT_PROMPT = 'holdsTextPrompt';

/** What a prompt needs to check an answer and re-ask: the question and the reply that asked it. */
interface AnswerValidation {
  /** Absent: any answer goes to the next step (a free-text question). */
  question?: ReplyQuestion<ChoiceOption>;
  reply: Reply;
  /** A branch named answers it too ("riverside pls" to "Pick up at Eastside Branch?"). */
  acceptBranch?: boolean;
  /** Titles the answer may name in its own words ("the hail mary one"). */
  titles?: string[];
}

/** The one title the patron's words name ("the hail mary one"), by the catalog's relevance rules. */
export function titleNamed(titles: readonly string[], text: string): number | undefined {
  const scored = titles
    .map((title, index) => ({
      index,
      score: scoreRecord({ title, author: '', subjects: [] }, { keywords: text }),
    }))
    .filter((s) => s.score > 0);
  return scored.length === 1 ? scored[0].index : undefined;
}

/** A text prompt that re-asks (twice) when the answer fits none of the offered options. */
export function holdsTextPrompt(recognizer?: PatronMessageRecognizer): TextPrompt {
  return new TextPrompt(HOLDS_TEXT_PROMPT, async (prompt: PromptValidatorContext<string>) => {
    const text = prompt.recognized.value ?? '';
    const validation = prompt.options.validations as AnswerValidation | undefined;
    if (!validation?.question || isStopRequest(text) || isSignOutRequest(text) || isPersonRequest(text))
      return true;
    // "no wait I meant Artemis": the step decides what the correction changes.
    if (readCorrection(text)) return true;
    if (
      validation.acceptBranch &&
      recognizer?.recognize(text, new Date(), messageLanguage(prompt.context)).entities.branch
    )
      return true;
    if (validation.titles && titleNamed(validation.titles, text) !== undefined) return true;
    if (understandReply(text, validation.question, turnLanguage(prompt.context))) return true;
    if (prompt.attemptCount >= 3) return true;
    await sendReply(prompt.context, { kind: 'text', text: messagesOf(prompt.context).holds.notCaught });
    await sendReply(prompt.context, validation.reply);
    return false;
  });
}

/** What else answers a question besides its options: a plain yes or no, a branch, a title named. */
export interface AskOptions {
  /** A plain yes or no answers a choice too ("I found this. Is it the one?"). */
  acceptYesNo?: boolean;
  acceptBranch?: boolean;
  titles?: string[];
}

/** Shows a reply and waits for the patron's answer (the next step gets the text as step.result). */
export async function ask(step: WaterfallStepContext, reply: Reply, options: AskOptions = {}) {
  await sendReply(step.context, reply);
  const asked = questionOf(reply);
  const question = asked?.kind === 'choice' ? { ...asked, alsoYesNo: options.acceptYesNo === true } : asked;
  const validation: AnswerValidation = {
    reply,
    question,
    ...(options.acceptBranch ? { acceptBranch: true } : {}),
    ...(options.titles ? { titles: options.titles } : {}),
  };
  return step.prompt(HOLDS_TEXT_PROMPT, { validations: validation });
}

/**
 * The answer to a yes/no question: 'yes', 'no', or 'stop' (stop words, sign out, or no answer
 * after re-asking). Sign-out is carried out here.
 */
export async function answerYesNo(
  step: WaterfallStepContext,
  deps: HoldsDialogDeps,
  reply: Reply,
): Promise<'yes' | 'no' | 'stop'> {
  const text = typeof step.result === 'string' ? step.result : '';
  if (await handledStopOrSignOut(step.context, text, deps)) return 'stop';
  const question = questionOf(reply);
  const culture = turnLanguage(step.context);
  return (question?.kind === 'yes-no' ? yesOrNo(text, question, culture) : undefined) ?? 'stop';
}

/** turnState flag: this message was not an answer and MainDialog should route it afresh. */
const ROUTE_AFRESH = Symbol('holdsRouteAfresh');
/** turnState flag: the library system failed this turn and the patron was told so. */
const OUTAGE = Symbol('holdsOutage');
export const OUTAGE_OFFER_DIALOG = 'holdsOutageOffer';

/** This message is a new request, not an answer: the routed dialog ends and MainDialog routes it. */
export function routeAfresh(context: TurnContext): void {
  context.turnState.set(ROUTE_AFRESH, true);
}

/**
 * Ends the flow when the patron asked to stop, sign out or talk to a person; true when it did. A
 * request for a person goes back to MainDialog to route (see endRouted).
 */
export async function handledStopOrSignOut(
  context: TurnContext,
  text: string,
  deps: HoldsDialogDeps,
): Promise<boolean> {
  if (isPersonRequest(text)) {
    routeAfresh(context);
    return true;
  }
  if (isSignOutRequest(text)) {
    await signOutPatron(context, deps);
    await sendReply(context, { kind: 'text', text: messagesOf(context).signIn.signedOut, endsSession: true });
    return true;
  }
  if (isStopRequest(text)) {
    await sendReply(context, messagesOf(context).signIn.stopped);
    return true;
  }
  return false;
}

/** turnState: this turn's session lookup (sessions live in shared storage: one read per turn). */
const SESSION_LOOKUP = Symbol('holdsSessionLookup');

/**
 * The signed-in patron of this conversation, or undefined (after saying why when it expired, or
 * apologising when the library system could not be asked who the patron is).
 */
export async function currentSession(
  context: TurnContext,
  deps: HoldsDialogDeps,
): Promise<PatronSession | undefined> {
  const lookup = await sessionLookup(context, deps);
  if (lookup?.state === 'signed-in') return lookup.session;
  if (lookup?.state === 'expired') {
    // Said once: the rest of this turn sees a signed-out patron.
    context.turnState.set(SESSION_LOOKUP, { state: 'signed-out' });
    await sendReply(context, messagesOf(context).signIn.expired);
  }
  return undefined;
}

/**
 * The conversation's session as stored, read once per turn (undefined after an outage, said). For
 * a dialog that words an ended session itself; most use currentSession.
 */
export async function sessionLookup(
  context: TurnContext,
  deps: HoldsDialogDeps,
): Promise<SessionLookup | undefined> {
  const known = context.turnState.get(SESSION_LOOKUP) as SessionLookup | undefined;
  if (known) return known;
  const lookup = await callLibrary(context, deps, 'patronSession', () =>
    deps.sessions.lookup(conversationKey(context.activity)),
  );
  if (lookup) context.turnState.set(SESSION_LOOKUP, lookup);
  return lookup;
}

/** Ends the conversation's session (and what this turn knew of it); true when there was one. */
export async function signOutPatron(context: TurnContext, deps: HoldsDialogDeps): Promise<boolean> {
  context.turnState.delete(SESSION_LOOKUP);
  return deps.sessions.signOut(conversationKey(context.activity));
}

/** A sign-in just happened in this turn: the next lookup reads the new session. */
export function sessionChanged(context: TurnContext): void {
  context.turnState.delete(SESSION_LOOKUP);
}

/**
 * Runs a library-system call for a dialog step. An outage gets the apology, alternatives and the
 * offer of a person, and `undefined` comes back so the dialog can end cleanly. A patron id the
 * system no longer knows ends the session. Other refusals are thrown for the step to word.
 */
export async function callLibrary<T>(
  context: TurnContext,
  deps: HoldsDialogDeps,
  operation: string,
  call: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof LibrarySystemUnavailableError) {
      deps.logger?.warn(
        { operation, reason: error.reason },
        'library system unavailable during a holds conversation',
      );
      const [apology] = outageReplies(messagesOf(context), deps.wording);
      await sendReply(context, apology);
      // The offer of a person is asked by OutageOfferDialog when the dialog ends (see endRouted), so
      // its answer ("1", "yes") comes back to a question that is still waiting.
      context.turnState.set(OUTAGE, true);
      return undefined;
    }
    if (error instanceof FeatureNotSupportedError) {
      // The connector cannot do this (e.g. no catalog search over SIP2 without SRU): say where instead.
      await sendReply(context, refusalText(messagesOf(context), error, deps.wording));
      return undefined;
    }
    if (error instanceof PatronNotVerifiedError) {
      await signOutPatron(context, deps);
      await sendReply(context, messagesOf(context).signIn.signInAgain);
      return undefined;
    }
    throw error;
  }
}

export function textOf(step: WaterfallStepContext): string {
  return typeof step.result === 'string' ? step.result : '';
}

/** The waterfall's saved values, typed per dialog (botbuilder types them as `object`). */
export function stepValues<T extends object>(step: WaterfallStepContext): Partial<T> {
  return step.values as Partial<T>;
}

/** Ends a routed holds dialog: 'unhandled' when this message should be routed afresh by MainDialog. */
export function endRouted(step: WaterfallStepContext) {
  if (step.context.turnState.get(OUTAGE) === true && step.context.turnState.get(ROUTE_AFRESH) !== true) {
    step.context.turnState.delete(OUTAGE);
    return step.replaceDialog(OUTAGE_OFFER_DIALOG);
  }
  const afresh = step.context.turnState.get(ROUTE_AFRESH) === true;
  // Used up here: the dialog MainDialog starts for this message must not hand it back again.
  step.context.turnState.delete(ROUTE_AFRESH);
  const result: RoutedDialogResult = afresh
    ? { kind: 'unhandled', text: step.context.activity.text ?? '' }
    : { kind: 'answered' };
  return step.endDialog(result);
}

/**
 * After an outage: "Would you like to talk to a staff member?", waiting for the answer so "1" or
 * "yes" by SMS reaches a person. Every holds dialog adds it (with holdsTextPrompt).
 */
export function outageOfferDialog(deps: HoldsDialogDeps): WaterfallDialog {
  const offerIn = (context: TurnContext) => outageReplies(messagesOf(context), deps.wording)[1];
  return new WaterfallDialog(OUTAGE_OFFER_DIALOG, [
    async (step) => {
      const offer = offerIn(step.context);
      await sendReply(step.context, offer);
      // No options to validate against: any other message is a new request, routed below.
      return step.prompt(HOLDS_TEXT_PROMPT, { validations: { reply: offer } });
    },
    async (step) => {
      const text = textOf(step);
      const offer = offerIn(step.context);
      const options = offer.kind === 'choice' ? offer.options : [];
      const read = understandReply(
        text,
        { kind: 'choice', options, alsoYesNo: true },
        turnLanguage(step.context),
      );
      const answer = read?.kind === 'option' ? read.option.value : read?.kind;
      if (answer === 'talk to a person' || answer === 'yes' || isPersonRequest(text)) {
        // MainDialog routes the request for a person in the patron's stead.
        step.context.activity.text = 'talk to a person';
        routeAfresh(step.context);
      } else if (answer === 'no thanks' || answer === 'no') {
        await sendReply(step.context, messagesOf(step.context).holds.anythingElse);
      } else {
        routeAfresh(step.context);
      }
      return endRouted(step);
    },
  ]);
}

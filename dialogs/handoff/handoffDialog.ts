// Bringing in a person: offered (the patron chooses) or asked for (straight to the queue). When a
// person can come the patron joins the queue and hears their position and wait; when nobody can,
// the bot says when staff are next available and offers to take a message and how to reply.
import { type Activity, EventFactory, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  type DialogContext,
  type DialogTurnResult,
  type PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import { senderPhoneNumber } from '../../channels/sender';
import { questionOf, type ChoiceOption, type Reply } from '../../channels/reply';
import { chosenOption, understandReply, yesOrNo, type ReplyQuestion } from '../../recognizers/replies';
import type { LibraryConfig } from '../../config/libraryConfig';
import {
  type ContactPreference,
  type ConversationTurn,
  type EscalationDecision,
  type Handoff,
  type HandoffRequestOutcome,
  type StaffSummary,
  buildStaffSummary,
  isExplicitRequestForPerson,
} from '../../library/handoff';
import type { Messages } from '../../library/language/catalog';
import type { LibraryRecognition, PatronMessageRecognizer } from '../../recognizers/libraryRecognition';
import { isConfidentRequest } from '../main/followUps';
import type { RoutedDialogResult } from '../main/conversationTopic';
import { SENSITIVE_INPUT, withheldInput } from '../turnState';
import { messagesOf, turnLanguage, messageLanguage } from '../conversationLanguage';

export const HANDOFF_DIALOG = 'handoffDialog';
const WATERFALL = 'handoffWaterfall';
const YES_NO = 'handoffYesNo';
const CONTACT = 'handoffContact';
const CONTACT_DETAIL = 'handoffContactDetail';
const MESSAGE = 'handoffMessage';

/** How other dialogs start this one: an offer (the patron chooses) or an explicit request. */
export interface HandoffDialogOptions {
  reason?: EscalationDecision['reason'];
  mode?: 'handoff' | 'offer';
  /** After a claim timeout the patron already said yes to leaving a message. */
  startAt?: 'message';
  /**
   * The detected topic and branch for the staff summary. Never the recognition itself: dialog
   * options are stored with the dialog stack, and the message text may carry a PIN.
   */
  intent?: string;
  branchId?: string;
  /** Set when MainDialog routes the "human" intent here; only its intent and branch are read. */
  recognition?: LibraryRecognition;
}

/** Options for a handoff from a recognised message, without the message text. */
export function handoffOptionsFrom(
  recognition: LibraryRecognition,
  decision: Pick<HandoffDialogOptions, 'reason' | 'mode'>,
): HandoffDialogOptions {
  return {
    ...decision,
    intent: recognition.intent === 'None' ? undefined : recognition.intent,
    branchId: recognition.entities.branch?.branchId,
  };
}

interface HandoffDialogState {
  options: HandoffDialogOptions;
  contact?: ContactPreference;
}

/** The bot-level relay the dialog hands a patron to (implemented by bots/handoff's coordinator). */
export interface HandoffRelay {
  request(context: TurnContext, summary: StaffSummary): Promise<HandoffRequestOutcome>;
  leaveMessage(
    context: TurnContext,
    contact: ContactPreference,
    message: string,
    summary: StaffSummary,
  ): Promise<unknown>;
}

/** The last few turns of this conversation, redacted, for the staff summary (bots/handoff/recentTurns). */
export interface RecentTurnsSource {
  recent(context: TurnContext): Promise<ConversationTurn[]>;
}

export interface HandoffDialogDeps {
  config: LibraryConfig;
  handoff: Handoff;
  coordinator: HandoffRelay;
  turns: RecentTurnsSource;
  /** Tells a new request from an answer at the yes/no questions. */
  recognizer?: PatronMessageRecognizer;
  /** Whether the patron is signed in (from the sign-in dialog's state); false when unknown. */
  isSignedIn?: (context: TurnContext) => Promise<boolean>;
  now?: () => Date;
}

/** The two confirm questions' buttons: typed back, they answer too. */
const offerLabels = (m: Messages) => ({ yes: m.handoff.offerYes, no: m.handoff.offerNo });
const leaveMessageLabels = (m: Messages) => ({
  yes: m.handoff.leaveMessageYes,
  no: m.handoff.leaveMessageNo,
});

const CONTACT_KINDS = [
  ['thisChat', 'this-chat'],
  ['sms', 'sms'],
  ['phone', 'phone'],
  ['email', 'email'],
] as const;

/** The ways staff can get back to the patron, in the turn's language. */
function contactOptions(m: Messages): (ChoiceOption & { kind: ContactPreference['kind'] })[] {
  return CONTACT_KINDS.map(([key, kind]) => ({ ...m.handoff.contact[key], kind }));
}

function isPhone(text: string): boolean {
  return text.replace(/\D/g, '').length >= 7 && /^[\d\s()+.-]+$/.test(text.trim());
}

function endAsNewRequest(step: WaterfallStepContext, text: string): Promise<DialogTurnResult> {
  const result: RoutedDialogResult = { kind: 'unhandled', text };
  return step.endDialog(result);
}

function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}

export class HandoffDialog extends ComponentDialog {
  private readonly now: () => Date;

  constructor(private readonly deps: HandoffDialogDeps) {
    super(HANDOFF_DIALOG);
    this.now = deps.now ?? (() => new Date());
    this.addDialog(new TextPrompt(YES_NO, (p) => this.validateYesNo(p)));
    this.addDialog(
      new TextPrompt(CONTACT, (p) => this.validateChoice(p, contactOptions(messagesOf(p.context)))),
    );
    this.addDialog(new TextPrompt(CONTACT_DETAIL, (p) => this.validateContactDetail(p)));
    this.addDialog(new TextPrompt(MESSAGE, (p) => this.validateMessage(p)));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.offerStep.bind(this),
        this.requestStep.bind(this),
        this.contactStep.bind(this),
        this.contactDetailStep.bind(this),
        this.messageStep.bind(this),
        this.saveStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  /**
   * Every answer in this dialog is the patron's own words (a message for staff, an email address):
   * the main dialog passes them straight here instead of reading them as new questions.
   */
  override async beginDialog(outerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    if (outerDc.activeDialog) (outerDc.activeDialog.state as Record<string, unknown>)[SENSITIVE_INPUT] = true;
    return super.beginDialog(outerDc, options);
  }

  /** At a yes/no question: neither, and the recognizer is sure it is another request ("show my holds"). */
  private isNewRequest(context: TurnContext, text: string, labels?: { yes: string; no: string }): boolean {
    if (yesOrNo(text, labels, turnLanguage(context)) !== undefined || !this.deps.recognizer) return false;
    return isConfidentRequest(this.deps.recognizer.recognize(text, this.now(), messageLanguage(context)));
  }

  private state(step: WaterfallStepContext): HandoffDialogState {
    const values = step.values as { handoff?: HandoffDialogState };
    values.handoff ??= { options: (step.options ?? {}) as HandoffDialogOptions };
    return values.handoff;
  }

  private async ask(
    step: WaterfallStepContext,
    promptId: string,
    reply: Reply,
    validations?: object,
  ): Promise<DialogTurnResult> {
    await sendReply(step.context, reply);
    // The question was sent through the renderer; the prompt only waits and validates.
    return step.prompt(promptId, { validations: { ...validations, question: questionOf(reply) } });
  }

  private async validateChoice(
    prompt: PromptValidatorContext<string>,
    options: ChoiceOption[],
  ): Promise<boolean> {
    if (!prompt.recognized.succeeded) return false;
    if (chosenOption(prompt.recognized.value ?? '', options, turnLanguage(prompt.context))) return true;
    await sendReply(prompt.context, {
      kind: 'choice',
      prompt: messagesOf(prompt.context).handoff.chooseOne,
      options,
    });
    return false;
  }

  private async validateYesNo(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = prompt.recognized.value ?? '';
    const validations = prompt.options.validations as
      { offer?: boolean; question?: ReplyQuestion } | undefined;
    const language = turnLanguage(prompt.context);
    const answered =
      understandReply(text, validations?.question ?? { kind: 'yes-no' }, language) !== undefined;
    // To "Would you like a person?", asking for one outright is a yes.
    if (prompt.recognized.succeeded && (answered || (validations?.offer && isExplicitRequestForPerson(text))))
      return true;
    // Neither yes nor no but a sentence ("show my holds"): a new request, routed by the main dialog.
    if (this.isNewRequest(prompt.context, text)) return true;
    await sendReply(prompt.context, { kind: 'confirm', prompt: messagesOf(prompt.context).handoff.yesOrNo });
    return false;
  }

  private async validateContactDetail(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = contactDetail(prompt.context, prompt.recognized.value);
    const wantsEmail = (prompt.options.validations as { kind?: string } | undefined)?.kind === 'email';
    if (wantsEmail ? isEmail(text) : isPhone(text)) return true;
    const m = messagesOf(prompt.context);
    await sendReply(prompt.context, wantsEmail ? m.handoff.badEmail : m.handoff.badPhone);
    return false;
  }

  private async validateMessage(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = (prompt.recognized.value ?? '').trim();
    if (text.length >= 2 && text.length <= 2000) return true;
    await sendReply(prompt.context, messagesOf(prompt.context).handoff.messageLength);
    return false;
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { options } = this.state(step);
    // Nothing to ask: `true` tells the next step the patron is already on their way to a person.
    if (options.startAt === 'message' || options.mode !== 'offer') return step.next(true);
    const m = messagesOf(step.context);
    const prompt = m.handoff.offer[options.reason ?? ''] ?? m.handoff.offer.other;
    return this.ask(step, YES_NO, { kind: 'confirm', prompt, ...offerLabels(m) }, { offer: true });
  }

  private async requestStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step);
    const m = messagesOf(step.context);
    if (step.result !== true) {
      const notYes = await this.unlessYes(step, m);
      if (notYes) return notYes;
    }
    if (state.options.startAt === 'message') return this.askContact(step);
    const summary = await this.summary(step.context, state.options);
    const outcome = await this.deps.coordinator.request(step.context, summary);
    if (outcome.outcome === 'queued') {
      await sendReply(step.context, {
        kind: 'text',
        text: m.handoff.queued(outcome.position, m.handoff.wait(outcome.expectedWaitMinutes)),
        smsText: m.handoff.queuedSms(outcome.position, outcome.expectedWaitMinutes),
      });
      await this.signalHandoff(step.context, summary.reason, outcome.handoff.id);
      return step.endDialog();
    }
    if (outcome.outcome === 'already-open') {
      await sendReply(
        step.context,
        outcome.place
          ? m.handoff.alreadyInLine(outcome.place.position, m.handoff.wait(outcome.place.expectedWaitMinutes))
          : m.handoff.alreadyConnected,
      );
      return step.endDialog();
    }
    const why = this.deps.handoff.availability.explainUnavailable(
      outcome,
      this.now(),
      this.deps.config.library.phone,
      m,
    );
    return this.ask(step, YES_NO, {
      kind: 'confirm',
      prompt: m.handoff.leaveMessageOffer(why),
      ...leaveMessageLabels(m),
    });
  }

  /** The answer to the offer of a person: undefined for yes (or asking for one outright); else how it ends. */
  private async unlessYes(step: WaterfallStepContext, m: Messages): Promise<DialogTurnResult | undefined> {
    const answer = String(step.result ?? '');
    if (this.isNewRequest(step.context, answer, offerLabels(m)) && !isExplicitRequestForPerson(answer))
      return endAsNewRequest(step, answer);
    const said = yesOrNo(answer, offerLabels(m), turnLanguage(step.context));
    if (said === 'yes' || isExplicitRequestForPerson(answer)) return undefined;
    await sendReply(step.context, m.handoff.declined);
    return step.endDialog();
  }

  private async askContact(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const m = messagesOf(step.context);
    return this.ask(step, CONTACT, {
      kind: 'choice',
      prompt: m.handoff.howToReach,
      options: contactOptions(m).map(({ label, value }) => ({ label, value })),
    });
  }

  private async contactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step);
    if (state.options.startAt !== 'message') {
      const answer = String(step.result ?? '');
      const m = messagesOf(step.context);
      if (this.isNewRequest(step.context, answer, leaveMessageLabels(m)))
        return endAsNewRequest(step, answer);
      if (yesOrNo(answer, leaveMessageLabels(m), turnLanguage(step.context)) !== 'yes') {
        await sendReply(step.context, m.handoff.noMessage(this.deps.config.library.phone));
        return step.endDialog();
      }
      return this.askContact(step);
    }
    return step.next(step.result);
  }

  private async contactDetailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step);
    const m = messagesOf(step.context);
    const chosen = chosenOption(String(step.result ?? ''), contactOptions(m), turnLanguage(step.context));
    const kind = chosen?.kind ?? 'this-chat';
    if (kind === 'this-chat') {
      state.contact = { kind: 'this-chat' };
      return step.next();
    }
    state.contact = kind === 'email' ? { kind, email: '' } : { kind, phone: '' };
    // Texting us already: staff text or call back the number the patron texts from.
    const texting = kind !== 'email' ? senderPhoneNumber(step.context.activity) : undefined;
    if (texting) return step.next(texting);
    await sendReply(step.context, kind === 'email' ? m.handoff.askEmail : m.handoff.askPhone);
    return step.prompt(CONTACT_DETAIL, { validations: { kind } });
  }

  private async messageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step);
    const detail = contactDetail(step.context, step.result);
    if (state.contact?.kind === 'email') state.contact = { kind: 'email', email: detail };
    else if (state.contact && state.contact.kind !== 'this-chat')
      state.contact = { kind: state.contact.kind, phone: detail };
    return this.ask(step, MESSAGE, { kind: 'text', text: messagesOf(step.context).handoff.askMessage });
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step);
    const contact = state.contact ?? { kind: 'this-chat' };
    const summary = await this.summary(step.context, state.options);
    await this.deps.coordinator.leaveMessage(step.context, contact, String(step.result ?? ''), summary);
    const m = messagesOf(step.context);
    const how =
      contact.kind === 'this-chat'
        ? m.handoff.replyHow.thisChat
        : contact.kind === 'email'
          ? m.handoff.replyHow.email(contact.email)
          : m.handoff.replyHow[contact.kind](contact.phone);
    const next = this.deps.handoff.availability.describeNextStaffed(
      (await this.nextStaffed()) ?? this.now(),
      this.now(),
      m,
    );
    await sendReply(step.context, {
      kind: 'text',
      text: m.handoff.saved(how, next),
      quotesPatron: contact.kind !== 'this-chat',
    });
    return step.endDialog();
  }

  private async nextStaffed(): Promise<Date | undefined> {
    const availability = await this.deps.handoff.availability.check(this.now());
    return availability.available ? this.now() : availability.nextStaffed;
  }

  private async summary(context: TurnContext, options: HandoffDialogOptions) {
    const intent = options.intent ?? options.recognition?.intent;
    const branchId = options.branchId ?? options.recognition?.entities.branch?.branchId;
    return buildStaffSummary({
      turns: await this.deps.turns.recent(context),
      intent: intent && intent !== 'None' ? intent : undefined,
      branch: this.deps.config.branches.find((b) => b.id === branchId)?.name,
      signedIn: this.deps.isSignedIn ? await this.deps.isSignedIn(context) : false,
      reason: options.reason ?? 'explicit',
    });
  }

  /**
   * The Bot Framework handoff signal, so a channel connected to a contact-centre product can take
   * over there. Its transcript is the redacted recent turns; the PIN turn was never kept.
   */
  private async signalHandoff(context: TurnContext, reason: string, caseId: string): Promise<void> {
    const turns = await this.deps.turns.recent(context);
    const activities = turns.map(
      (turn) =>
        ({
          type: 'message',
          text: turn.text,
          from: turn.from === 'patron' ? context.activity.from : context.activity.recipient,
          conversation: context.activity.conversation,
          channelId: context.activity.channelId,
        }) as Activity,
    );
    const event = EventFactory.createHandoffInitiation(
      context,
      { reason, caseId, skill: 'library-staff' },
      { activities },
    );
    await context.sendActivity(event);
  }
}

/**
 * The phone number or email typed for staff to reply to. A phone number typed as ten plain digits
 * looks like a card number, so the gate masked it in the message; the patron gave it to be used.
 */
function contactDetail(context: TurnContext, typed: unknown): string {
  const withheld = withheldInput(context);
  return (withheld?.kind === 'message' ? withheld.raw : String(typed ?? '')).trim();
}

// Routes every patron message to the dialog for that capability (the rules are the ordered handlers
// of mainRouting.ts) and owns the interruptions that work while any dialog waits for an answer:
// cancel / start over, "forget me", help, and a person.
import { ActivityTypes, StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  DialogContext,
  DialogReason,
  DialogSet,
  DialogState,
  DialogTurnResult,
  DialogTurnStatus,
} from 'botbuilder-dialogs';
import { sendReply } from '../../channels/renderer';
import type { Reply } from '../../channels/reply';
import type { PatronMessageRecognizer } from '../../recognizers/libraryRecognition';
import type { AlwaysHumanTopic } from '../../library/handoff/escalation';
import type { EscalationHook } from '../handoff/handoffEscalation';
import type { PatronPreferencesState } from '../programs/patronPreferencesState';
import { SENSITIVE_INPUT } from '../turnState';
import type { RoutedDialogResult } from './conversationTopic';
import { CANCEL, FORGET_ME, isPlainAnswer } from './followUps';
import {
  freshMemory,
  type IntentRoute,
  type MainMemory,
  MainRouting,
  MainTurn,
  type QueuedRequest,
} from './mainRouting';
import type { FaqTitle, LibraryContact } from './mainWording';
import { messageLanguage, messagesOf } from '../conversationLanguage';
import { flushPacked } from './replyPacking';

export type { RoutedDialogOptions, RoutedDialogResult } from './conversationTopic';
export type { IntentRoute } from './mainRouting';

export const MAIN_DIALOG = 'mainDialog';
/** The turn-state key botbuilder-dialogs' DialogStateManager caches its configuration under. */
const MEMORY_SCOPES_CONFIGURATION = 'DialogStateManagerConfiguration';
const MAIN_LOOP = 'mainLoop';

export interface MainDialogOptions {
  recognizer: PatronMessageRecognizer;
  libraryName: string;
  routes?: IntentRoute[];
  now?: () => Date;
  /** From the configuration's `escalation`: offer a person after this many misunderstood messages in a row. */
  misunderstandingsBeforeOffer?: number;
  /** FAQ ids and titles, to name FAQ intents when asking "did you mean". */
  faq?: readonly FaqTitle[];
  /** For "forget me"; absent when nothing is remembered. */
  preferences?: PatronPreferencesState;
  /** Below this top score a message counts as not understood (default 0.3). */
  minConfidence?: number;
  /** Two intents whose scores differ by less than this are "close": the bot asks which (default 0.2). */
  closeMargin?: number;
  /** Bringing in a person for frustration and always-a-person topics (misunderstandings are counted here). */
  escalation?: EscalationHook;
  /** The library's phone, website and catalogue, for what the chat cannot answer. */
  contact?: Omit<LibraryContact, 'libraryName'>;
  /** From the configuration's `escalation`: what to say before offering a person for each topic. */
  alwaysHumanTopics?: readonly AlwaysHumanTopic[];
  /** From the configuration's `escalation`: words of frustration around a question. */
  frustrationWords?: readonly string[];
}

/** Starts the main dialog with another dialog (a patron who agreed to leave a message for staff). */
export interface MainDialogStart {
  dialogId: string;
  options?: object;
}

interface LoopOptions {
  memory?: MainMemory;
  /** Wait for the next message (after an answer) rather than handle this one (first turn, re-routing). */
  wait?: boolean;
  /** Begin this dialog first, then wait for the next message. */
  begin?: MainDialogStart;
  /** One of several requests in the patron's message, handled now (wait is false). */
  part?: QueuedRequest;
}

export class MainDialog extends ComponentDialog {
  private readonly dialogSets = new WeakMap<StatePropertyAccessor<DialogState>, DialogSet>();
  /** botbuilder's DialogStateManager configuration (stateless scope objects), kept from the first turn. */
  private memoryScopes: unknown;
  private readonly recognizer: PatronMessageRecognizer;
  private readonly now: () => Date;
  private readonly minConfidence: number;
  private readonly routing: MainRouting;

  constructor(options: MainDialogOptions) {
    super(MAIN_DIALOG);
    this.recognizer = options.recognizer;
    this.now = options.now ?? (() => new Date());
    this.minConfidence = options.minConfidence ?? 0.3;
    const routes = options.routes ?? [];
    this.routing = new MainRouting({
      libraryName: options.libraryName,
      routes,
      escalation: options.escalation,
      preferences: options.preferences,
      offerAfter: options.misunderstandingsBeforeOffer ?? 2,
      minConfidence: this.minConfidence,
      closeMargin: options.closeMargin ?? 0.2,
      faq: options.faq ?? [],
      contact: { libraryName: options.libraryName, ...options.contact },
      alwaysHumanTopics: options.alwaysHumanTopics ?? [],
      frustrationWords: options.frustrationWords ?? [],
    });
    for (const route of routes) if (!this.findDialog(route.dialog.id)) this.addDialog(route.dialog);
    if (options.escalation && !this.findDialog(options.escalation.dialog.id)) {
      this.addDialog(options.escalation.dialog);
    }
    this.addDialog(
      new MainLoop({
        begin: (dc, options) => this.begin(dc, options),
        route: (dc) => this.route(dc),
        after: (dc, result) => this.after(dc, result),
      }),
    );
    this.initialDialogId = MAIN_LOOP;
  }

  /** The welcome and help menu for what this library configured, in the turn's language. */
  capabilities(greeting: boolean, context: TurnContext): Reply {
    return this.routing.capabilities(greeting, messagesOf(context));
  }

  /** Runs the dialog stack for one turn (the core-bot pattern). */
  async run(
    context: TurnContext,
    accessor: StatePropertyAccessor<DialogState>,
    start?: MainDialogStart,
  ): Promise<void> {
    // One dialog set per state accessor, and botbuilder's memory-scope configuration built once:
    // otherwise both are rebuilt on every turn (about a tenth of this bot's own work per turn).
    let dialogSet = this.dialogSets.get(accessor);
    if (!dialogSet) {
      dialogSet = new DialogSet(accessor);
      dialogSet.add(this);
      this.dialogSets.set(accessor, dialogSet);
    }
    if (this.memoryScopes) context.turnState.set(MEMORY_SCOPES_CONFIGURATION, this.memoryScopes);
    const dialogContext = await dialogSet.createContext(context);
    this.memoryScopes ??= context.turnState.get(MEMORY_SCOPES_CONFIGURATION);
    if (start) {
      await dialogContext.cancelAllDialogs();
      await dialogContext.beginDialog(this.id, { begin: start } satisfies LoopOptions);
      return;
    }
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dialogContext.beginDialog(this.id);
    }
    // Several answers in one turn go out together (SMS: packed into as few texts as fit).
    await flushPacked(context);
  }

  /** Interruptions while a capability's dialog waits for an answer. */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const waiting = innerDc.activeDialog;
    if (!waiting || waiting.id === MAIN_LOOP) return super.onContinueDialog(innerDc);
    const text = innerDc.context.activity.text ?? '';
    if (CANCEL.test(text)) {
      await innerDc.cancelAllDialogs();
      await sendReply(innerDc.context, { kind: 'text', text: messagesOf(innerDc.context).main.stopped });
      return innerDc.beginDialog(MAIN_LOOP, { memory: freshMemory(), wait: true } satisfies LoopOptions);
    }
    // A PIN or card number being typed is never sent to the recognizer or read as a command.
    if ((waiting.state as Record<string, unknown>)[SENSITIVE_INPUT] === true) {
      return super.onContinueDialog(innerDc);
    }
    if (FORGET_ME.test(text)) {
      await this.routing.forget(innerDc.context);
      return Dialog.EndOfTurn;
    }
    if (isPlainAnswer(text)) return super.onContinueDialog(innerDc);
    const recognition = this.recognizer.recognize(text, this.now(), messageLanguage(innerDc.context));
    const sure = recognition.score >= this.minConfidence;
    // "what about eastside" can read as help; naming a branch, day or age is a follow-up for the dialog.
    const names = Object.keys(recognition.entities).some((key) => key !== 'number');
    if (recognition.intent === 'help' && sure && !names) {
      await sendReply(innerDc.context, this.capabilities(false, innerDc.context));
      const answerOrStartOver = messagesOf(innerDc.context).main.answerOrStartOver;
      await sendReply(innerDc.context, { kind: 'text', text: answerOrStartOver });
      return Dialog.EndOfTurn;
    }
    if (recognition.intent === 'human' && sure) {
      const memory = (innerDc.stack[0]?.state?.values?.memory as MainMemory | undefined) ?? freshMemory();
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(MAIN_LOOP, { memory, wait: false } satisfies LoopOptions);
    }
    return super.onContinueDialog(innerDc);
  }

  /** The loop begins: with a dialog to begin first, waiting for the next message, or routing this one. */
  private async begin(dc: DialogContext, options: LoopOptions): Promise<DialogTurnResult> {
    const state = loopState(dc);
    state.options = options;
    state.values = { memory: options.memory ?? freshMemory() };
    state.stepIndex = 0;
    if (options.begin) return dc.beginDialog(options.begin.dialogId, options.begin.options);
    return options.wait ? Dialog.EndOfTurn : this.route(dc);
  }

  /** A patron message while the loop waits: the routing rules, in order, until one answers. */
  private async route(dc: DialogContext): Promise<DialogTurnResult> {
    const { options, values } = loopState(dc);
    const memory = values.memory;
    const pending = memory.pending;
    memory.pending = undefined;
    const turn = new MainTurn(
      dc,
      memory,
      pending,
      (text) => this.recognizer.recognize(text, this.now(), messageLanguage(dc.context)),
      (next) => this.waitAgain(dc, next),
      options.part,
    );
    for (const handler of this.routing.handlers) {
      const result = await handler(turn);
      if (result) return result;
    }
    return this.waitAgain(dc, memory);
  }

  /** The dialog the loop began has ended (this turn or a later one). */
  private async after(dc: DialogContext, result: RoutedDialogResult | undefined): Promise<DialogTurnResult> {
    const { options, values } = loopState(dc);
    const memory = values.memory;
    // Back from a dialog begun at the start (see run): wait for the patron's next message.
    if (options.begin) return this.waitAgain(dc, memory);
    if (result?.memory) {
      memory.last = result.memory;
      // One of several requests: kept beside the others for a correction; a message on its own ends that.
      if (options.part && memory.answeredTogether) memory.answeredTogether.push(result.memory);
      else memory.answeredTogether = undefined;
    }
    if (result?.askedToRemember) memory.askedToRemember = true;
    // The patron said something else instead of answering the dialog's question: handle it now (the
    // rest of an earlier message's requests are dropped: the patron has moved on).
    if (result?.kind === 'unhandled') {
      memory.queue = undefined;
      return dc.replaceDialog(MAIN_LOOP, { memory, wait: false } satisfies LoopOptions);
    }
    return this.waitAgain(dc, memory);
  }

  /** After an answer: its note, then the message's next request if there is one, else the next message. */
  private async waitAgain(dc: DialogContext, memory: MainMemory): Promise<DialogTurnResult> {
    const next = memory.queue?.shift();
    if (!memory.queue?.length) memory.queue = undefined;
    if (!next) {
      if (memory.note) await sendReply(dc.context, { kind: 'text', text: memory.note });
      memory.note = undefined;
      return this.waitInPlace(dc, memory);
    }
    // The request is read as if it were the whole message (dialogs and hooks read the activity's text).
    dc.context.activity.text = next.text;
    return dc.replaceDialog(MAIN_LOOP, { memory, wait: false, part: next } satisfies LoopOptions);
  }

  /**
   * What `replaceDialog(MAIN_LOOP, { memory, wait: true })` leads to (the loop waiting, with this
   * memory), without ending one loop and beginning the next: that start and end, with their new
   * instance id and telemetry, was a good part of the dialog machinery's work on every turn.
   */
  private waitInPlace(dc: DialogContext, memory: MainMemory): DialogTurnResult {
    if (dc.activeDialog?.id !== MAIN_LOOP) throw new Error('the main loop is not the active dialog');
    const state = loopState(dc);
    state.options = { memory, wait: true };
    state.values.memory = memory;
    state.stepIndex = 0;
    return Dialog.EndOfTurn;
  }
}

/**
 * The main loop's state. It keeps the shape botbuilder's WaterfallDialog gave it when the loop was a
 * three-step waterfall (wait, route, after), so a conversation saved then resumes now: a waterfall
 * waiting at step 0 is a loop waiting for a message.
 */
interface LoopState {
  options: LoopOptions;
  values: { memory: MainMemory };
  stepIndex: number;
}

function loopState(dc: DialogContext): LoopState {
  return dc.activeDialog!.state as LoopState;
}

/**
 * Waits for a message, routes it, and, when the dialog it began ends, waits again. A dialog of its
 * own rather than the waterfall it was: each waterfall step made a step context (a whole
 * DialogContext with its memory scopes), twice a turn.
 */
class MainLoop extends Dialog<LoopOptions> {
  constructor(
    private readonly steps: {
      begin(dc: DialogContext, options: LoopOptions): Promise<DialogTurnResult>;
      route(dc: DialogContext): Promise<DialogTurnResult>;
      after(dc: DialogContext, result: RoutedDialogResult | undefined): Promise<DialogTurnResult>;
    },
  ) {
    super(MAIN_LOOP);
  }

  override beginDialog(dc: DialogContext, options?: LoopOptions): Promise<DialogTurnResult> {
    return this.steps.begin(dc, options ?? {});
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    // As the waterfall did: only a message moves the loop on.
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    return this.steps.route(dc);
  }

  override resumeDialog(
    dc: DialogContext,
    _reason: DialogReason,
    result?: RoutedDialogResult,
  ): Promise<DialogTurnResult> {
    return this.steps.after(dc, result);
  }
}

// Routes every patron message on the recognizer's result to the dialog for that capability, and owns the
// conversation's manners: interruptions at any point (help, cancel / start over, a person, "forget me"),
// follow-ups that keep their context, asking which one when two intents are close, and offering a person
// after repeated misunderstandings.
import { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  DialogContext,
  DialogSet,
  DialogState,
  DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { optionValue, resolveChoice, sendReply } from '../channels/renderer';
import { ChoiceOption, Reply } from '../channels/reply';
import {
  LibraryIntent,
  LibraryRecognition,
  PatronMessageRecognizer,
} from '../recognizers/libraryRecognition';
import {
  isMoreRequest,
  yesOrNo,
  type FollowUpKind,
  DAY_SHIFT,
  type RoutedDialogOptions,
  type RoutedDialogResult,
  type TopicMemory,
} from './conversationTopic';
import type { EscalationHook } from './handoffEscalation';
import type { PatronPreferencesState } from './patronPreferencesState';

export type { RoutedDialogOptions, RoutedDialogResult } from './conversationTopic';

export const MAIN_DIALOG = 'mainDialog';
/** The turn-state key botbuilder-dialogs' DialogStateManager caches its configuration under. */
const MEMORY_SCOPES_CONFIGURATION = 'DialogStateManagerConfiguration';
const MAIN_LOOP = 'mainLoop';

/** A capability's dialog and the intents it answers ("faq.*" for every FAQ); started with RoutedDialogOptions. */
export interface IntentRoute {
  intents: LibraryIntent[];
  dialog: Dialog;
  /** Checked before the recognizer: whole messages this route always takes ("sign out"). */
  matches?: (text: string) => boolean;
}

export interface MainDialogOptions {
  recognizer: PatronMessageRecognizer;
  libraryName: string;
  routes?: IntentRoute[];
  now?: () => Date;
  /** From the configuration's `escalation`: offer a person after this many misunderstood messages in a row. */
  misunderstandingsBeforeOffer?: number;
  /** FAQ ids and titles, to name FAQ intents when asking "did you mean". */
  faq?: readonly { id: string; title: string }[];
  /** For "forget me"; absent when nothing is remembered. */
  preferences?: PatronPreferencesState;
  /** Below this top score a message counts as not understood (default 0.3). */
  minConfidence?: number;
  /** Two intents whose scores differ by less than this are "close": the bot asks which (default 0.2). */
  closeMargin?: number;
  /** Bringing in a person for frustration and always-a-person topics (misunderstandings are counted here). */
  escalation?: EscalationHook;
}

/** Starts the main dialog with another dialog (a patron who agreed to leave a message for staff). */
export interface MainDialogStart {
  dialogId: string;
  options?: object;
}

/** What this library's bot offers, from its routes and FAQ titles (see MainDialog.capabilities). */
export interface OfferedCapabilities {
  /** Whether an intent has a dialog ("hours", "holds.list", "human"). */
  routed: (intent: LibraryIntent) => boolean;
  /** In words: "opening hours", "programs and events", "getting a library card", ... */
  topics: string[];
}

/**
 * What the bot can do, said the same way in the welcome and in help. With `offered`, only what this
 * library configured; without, the demo's full list.
 */
export function capabilitiesReply(
  libraryName: string,
  greeting: boolean,
  offered?: OfferedCapabilities,
): Reply {
  const intro = greeting ? `Hi! I'm the ${libraryName} help bot.` : 'Here is what I can help with.';
  if (offered) {
    const person = offered.routed('human');
    const options = MENU.filter((item) => offered.routed(item.intent)).map(({ label, value }) => ({
      label,
      value,
    }));
    const short = MENU.filter((item) => offered.routed(item.intent) && item.sms).map((item) => item.sms!);
    const anyQuestion = offered.routed('faq.*') ? ['library questions'] : [];
    return {
      kind: 'choice',
      prompt:
        `${intro} I can help with: ${offered.topics.join('; ')}. You can ask in your own words` +
        (person ? ', or ask for a person at any time.' : '.'),
      smsPrompt:
        `${intro} Ask me about ${[...short, ...anyQuestion].join(', ')}` +
        (person ? ', or ask for a person.' : '.'),
      options,
    };
  }
  return {
    kind: 'choice',
    prompt:
      `${intro} I can tell you opening hours, suggest programs and events, answer questions about ` +
      'library cards, fines, renewals, locations and computers, and list, place or cancel your holds. ' +
      'You can ask in your own words, or ask for a person at any time.',
    smsPrompt: `${intro} Ask me about hours, events, holds, cards, fines, renewals, locations or computers, or ask for a person.`,
    options: [
      { label: 'Opening hours', value: 'What are your hours today?' },
      { label: 'Programs and events', value: "What's on this week?" },
      { label: 'My holds', value: 'Show my holds' },
      { label: 'Talk to a person', value: 'I want to talk to a person' },
    ],
  };
}

/** The welcome and help menu's buttons, shown for the capabilities this library routes. */
const MENU: { intent: LibraryIntent; label: string; value: string; sms?: string }[] = [
  { intent: 'hours', label: 'Opening hours', value: 'What are your hours today?', sms: 'hours' },
  { intent: 'programs', label: 'Programs and events', value: "What's on this week?", sms: 'events' },
  { intent: 'holds.list', label: 'My holds', value: 'Show my holds', sms: 'your holds' },
  { intent: 'human', label: 'Talk to a person', value: 'I want to talk to a person' },
];

const NOT_YET: Partial<Record<string, string>> = {
  hours: "I can't look up opening hours yet.",
  programs: "I can't look up programs and events yet.",
  'holds.list': "I can't look at your holds yet.",
  'holds.place': "I can't place holds yet.",
  'holds.cancel': "I can't cancel holds yet.",
  human: "I can't connect you with a person from this chat yet.",
};

const INTENT_LABELS: Partial<Record<string, string>> = {
  hours: 'Opening hours',
  programs: 'Programs and events',
  'holds.list': 'My holds',
  'holds.place': 'Place a hold',
  'holds.cancel': 'Cancel a hold',
  human: 'Talk to a person',
};

/**
 * A routed dialog waiting for a PIN or card number sets `sensitiveInput: true` in its dialog state:
 * that message then goes straight to it (only a whole-message "cancel" still interrupts).
 */
export const SENSITIVE_INPUT = 'sensitiveInput';

/** Whole-message commands; "cancel my hold" is a holds question, "cancel" alone is not. */
const CANCEL =
  /^\s*(cancel|cancel that|start over|start again|restart|reset|never ?mind|forget it)\s*[.!]*\s*$/i;
const FORGET_ME =
  /\b(forget me|forget (about )?(me|my (preferences|interests|details|info(rmation)?))|delete my (preferences|interests|data|details|info(rmation)?))\b/i;
const THANKS = /\b(thanks?|thank ?you|thx|thnx|tnx|ty|tysm|cheers|appreciate)\b/i;
/** An intent this likely is worth a "did you mean" even when the recognizer answered None. */
const LIKELY_SCORE = 0.4;

/** Words that point back at the previous answer's subject. */
const POINTING_BACK = /\b(it|its|it's|they|them|there|that one|same)\b/i;

/** Openings of a bare follow-up: "and on Sunday?", "what about Eastside?". */
const FOLLOW_UP_OPENING = /^\s*(and|what about|how about|and what about|what of|also|then|same for)\b/i;

/** A "which do you mean" option: an intent, or none for "Something else". */
type WhichOption = ChoiceOption & { intent?: LibraryIntent };

interface MainMemory {
  last?: TopicMemory;
  /** Asked once per conversation whether to remember interests; not asked again after a "no". */
  askedToRemember?: boolean;
  misunderstood: number;
  pending?:
    | {
        kind: 'which';
        options: WhichOption[];
        recognition: LibraryRecognition;
      }
    | { kind: 'offer-person'; recognition: LibraryRecognition }
    /** The welcome or help menu was shown: "1" or a button's label picks from it. */
    | { kind: 'menu'; options: ChoiceOption[] };
}

interface StepValues {
  memory: MainMemory;
}

interface LoopOptions {
  memory?: MainMemory;
  /** Wait for the next message (after an answer) rather than handle this one (first turn, re-routing). */
  wait?: boolean;
  /** Begin this dialog first, then wait for the next message. */
  begin?: MainDialogStart;
}

export class MainDialog extends ComponentDialog {
  private readonly dialogSets = new WeakMap<StatePropertyAccessor<DialogState>, DialogSet>();
  /** botbuilder's DialogStateManager configuration (stateless scope objects), kept from the first turn. */
  private memoryScopes: unknown;
  private readonly recognizer: PatronMessageRecognizer;
  private readonly libraryName: string;
  private readonly routeByIntent = new Map<string, string>();
  private readonly now: () => Date;
  private readonly offerAfter: number;
  private readonly minConfidence: number;
  private readonly closeMargin: number;
  private readonly labels: Partial<Record<string, string>>;

  constructor(private readonly options: MainDialogOptions) {
    super(MAIN_DIALOG);
    this.recognizer = options.recognizer;
    this.libraryName = options.libraryName;
    this.now = options.now ?? (() => new Date());
    this.offerAfter = options.misunderstandingsBeforeOffer ?? 2;
    this.minConfidence = options.minConfidence ?? 0.3;
    this.closeMargin = options.closeMargin ?? 0.2;
    this.labels = { ...INTENT_LABELS };
    for (const entry of options.faq ?? []) this.labels[`faq.${entry.id}`] = entry.title;
    for (const route of options.routes ?? []) {
      this.addDialog(route.dialog);
      route.intents.forEach((intent) => this.routeByIntent.set(intent, route.dialog.id));
    }
    if (options.escalation && !this.findDialog(options.escalation.dialog.id)) {
      this.addDialog(options.escalation.dialog);
    }
    this.addDialog(
      new WaterfallDialog(MAIN_LOOP, [
        this.waitStep.bind(this),
        this.routeStep.bind(this),
        this.afterStep.bind(this),
      ]),
    );
    this.initialDialogId = MAIN_LOOP;
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
  }

  /** Interruptions while a capability's dialog waits for an answer. */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (innerDc.activeDialog && innerDc.activeDialog.id !== MAIN_LOOP) {
      const text = innerDc.context.activity.text ?? '';
      const memory = (innerDc.stack[0]?.state?.values?.memory as MainMemory | undefined) ?? freshMemory();
      if (CANCEL.test(text)) {
        await innerDc.cancelAllDialogs();
        await sendReply(innerDc.context, {
          kind: 'text',
          text: "Okay, I've stopped that. What else can I help you with?",
        });
        return innerDc.beginDialog(MAIN_LOOP, { memory: freshMemory(), wait: true } satisfies LoopOptions);
      }
      // A PIN or card number being typed is never sent to the recognizer or read as a command.
      if ((innerDc.activeDialog.state as Record<string, unknown>)[SENSITIVE_INPUT] === true) {
        return super.onContinueDialog(innerDc);
      }
      if (FORGET_ME.test(text)) {
        await this.forgetPatron(innerDc.context);
        return Dialog.EndOfTurn;
      }
      // A plain answer ("2", "yes", "more") is for the waiting question, whatever a classifier makes of it.
      if (isPlainAnswer(text)) return super.onContinueDialog(innerDc);
      const recognition = this.recognizer.recognize(text, this.now());
      if (recognition.intent === 'help' && recognition.score >= this.minConfidence) {
        await sendReply(innerDc.context, this.capabilities(false));
        await sendReply(innerDc.context, {
          kind: 'text',
          text: 'You can also answer my last question, or say "start over".',
        });
        return Dialog.EndOfTurn;
      }
      if (recognition.intent === 'human' && recognition.score >= this.minConfidence) {
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(MAIN_LOOP, { memory, wait: false } satisfies LoopOptions);
      }
    }
    return super.onContinueDialog(innerDc);
  }

  private async waitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as LoopOptions;
    (step.values as StepValues).memory = options.memory ?? freshMemory();
    if (options.begin) return step.beginDialog(options.begin.dialogId, options.begin.options);
    return options.wait ? Dialog.EndOfTurn : step.next();
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const memory = (step.values as StepValues).memory;
    // Back from a dialog begun at the start (see run): wait for the patron's next message.
    if ((step.options as LoopOptions).begin) return this.waitAgain(step, memory);
    const text = step.context.activity.text ?? '';
    if (CANCEL.test(text)) {
      await sendReply(step.context, {
        kind: 'text',
        text: "Okay, let's start over. What can I help you with?",
      });
      return this.waitAgain(step, freshMemory());
    }
    if (FORGET_ME.test(text)) {
      await this.forgetPatron(step.context);
      return this.waitAgain(step, { ...memory, pending: undefined });
    }
    const direct = this.options.routes?.find((route) => route.matches?.(text));
    if (direct) {
      memory.pending = undefined;
      const recognition = this.recognizer.recognize(text, this.now());
      return step.beginDialog(direct.dialog.id, { recognition } satisfies RoutedDialogOptions);
    }
    if (isMoreRequest(text) && !memory.pending && memory.last?.topic === 'programs') {
      // "more" after the last page: say so, rather than the help menu.
      await sendReply(step.context, {
        kind: 'text',
        text: "That's all I found. Ask about another day, age or topic.",
      });
      return this.waitAgain(step, memory);
    }
    const pending = memory.pending;
    memory.pending = undefined;
    // "1" after the menu (SMS says "Reply a number") means its first option's question.
    const picked =
      pending?.kind === 'menu' && /^\s*#?\d{1,2}\s*[.)]?\s*$/.test(text)
        ? resolveChoice(text, pending.options)
        : undefined;
    const recognition = this.recognizer.recognize(picked ? optionValue(picked) : text, this.now());

    if (pending?.kind === 'which') {
      const chosen = pending.options.find((o) => o.value === resolveChoice(text, pending.options)?.value);
      if (chosen?.intent) {
        memory.misunderstood = 0;
        return this.route(step, { ...pending.recognition, intent: chosen.intent, score: 1 }, memory);
      }
      if (chosen) {
        await sendReply(step.context, {
          kind: 'text',
          text: 'Okay. Tell me in other words what you are looking for.',
        });
        return this.waitAgain(step, memory);
      }
    }
    if (pending?.kind === 'offer-person') {
      const answer = yesOrNo(text);
      if (answer === true) {
        memory.misunderstood = 0;
        return this.route(step, { ...pending.recognition, intent: 'human', score: 1 }, memory);
      }
      if (answer === false) {
        memory.misunderstood = 0;
        await sendReply(step.context, {
          kind: 'text',
          text: 'Okay. Try asking in other words, for example "Are you open tomorrow?"',
        });
        return this.waitAgain(step, memory);
      }
    }

    const escalation = await this.options.escalation?.check(step.context, recognition);
    if (escalation && this.options.escalation) {
      memory.misunderstood = 0;
      return step.beginDialog(this.options.escalation.dialog.id, escalation);
    }

    const followUp = this.followUpKind(recognition, memory.last);
    if (followUp && memory.last) {
      memory.misunderstood = 0;
      return this.route(step, { ...recognition, intent: memory.last.intent }, memory, followUp);
    }

    const close = this.closeIntents(recognition);
    if (close) {
      const options: WhichOption[] = close.map((intent) => ({
        label: this.labels[intent]!,
        value: this.labels[intent]!,
        intent,
      }));
      if (options.length === 1) options.push({ label: 'Something else', value: 'Something else' });
      memory.pending = { kind: 'which', options, recognition: withoutLongNumbers(recognition) };
      await sendReply(step.context, {
        kind: 'choice',
        prompt:
          close.length === 1
            ? `Did you mean ${this.labels[close[0]]!.toLowerCase()}?`
            : 'I want to get this right. Which do you mean?',
        options: options.map(({ label, value }) => ({ label, value })),
      });
      return this.waitAgain(step, memory);
    }

    if (recognition.intent === 'None' || recognition.score < this.minConfidence) {
      memory.misunderstood += 1;
      if (memory.misunderstood >= this.offerAfter) {
        memory.pending = { kind: 'offer-person', recognition: withoutLongNumbers(recognition) };
        await sendReply(step.context, {
          kind: 'confirm',
          prompt: "Sorry, I'm still not sure what you mean. Would you like to talk to a person?",
          yes: 'Yes, a person',
          no: 'No, keep trying',
        });
      } else {
        await sendReply(step.context, { kind: 'text', text: this.notUnderstood() });
      }
      return this.waitAgain(step, memory);
    }
    memory.misunderstood = 0;
    return this.route(step, recognition, memory);
  }

  private async afterStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const memory = (step.values as StepValues).memory;
    const result = step.result as RoutedDialogResult | undefined;
    if (result?.memory) memory.last = result.memory;
    if (result?.askedToRemember) memory.askedToRemember = true;
    // The patron said something else instead of answering the dialog's question: handle it now.
    if (result?.kind === 'unhandled')
      return step.replaceDialog(MAIN_LOOP, { memory, wait: false } satisfies LoopOptions);
    return this.waitAgain(step, memory);
  }

  private waitAgain(step: WaterfallStepContext, memory: MainMemory): Promise<DialogTurnResult> {
    return step.replaceDialog(MAIN_LOOP, { memory, wait: true } satisfies LoopOptions);
  }

  private async route(
    step: WaterfallStepContext,
    recognition: LibraryRecognition,
    memory: MainMemory,
    followUp?: FollowUpKind,
  ): Promise<DialogTurnResult> {
    const routed = this.dialogFor(recognition.intent);
    if (routed) {
      // Only a bare follow-up carries context; a full new question starts afresh.
      const options: RoutedDialogOptions = { recognition };
      if (memory.askedToRemember) options.askedToRemember = true;
      if (followUp && memory.last?.intent === recognition.intent) {
        options.previous = memory.last;
        options.followUp = followUp;
      }
      return step.beginDialog(routed, options);
    }
    if (recognition.intent !== memory.last?.intent) memory.last = undefined;
    const reply = this.answerWithoutDialog(recognition);
    await sendReply(step.context, reply);
    if (reply.kind === 'choice') memory.pending = { kind: 'menu', options: reply.options };
    return this.waitAgain(step, memory);
  }

  private dialogFor(intent: LibraryIntent): string | undefined {
    return (
      this.routeByIntent.get(intent) ??
      (intent.startsWith('faq.') ? this.routeByIntent.get('faq.*') : undefined)
    );
  }

  /** "and on Sunday?" after an hours answer is about hours; so is "what about Eastside?". */
  private followUpKind(
    recognition: LibraryRecognition,
    last: TopicMemory | undefined,
  ): FollowUpKind | undefined {
    if (!last || !this.dialogFor(last.intent)) return undefined;
    const entities = recognition.entities;
    const hasContext = Boolean(
      entities.branch || entities.date || entities.audience || entities.topics?.length,
    );
    const weakIntent = recognition.intent === 'None' || recognition.score < this.minConfidence;
    const sameIntent = recognition.intent === last.intent;
    if (!hasContext) {
      // "and the day after?" after a day's hours; "how do I get there by bus?" after a branch's address.
      const few = recognition.text.trim().split(/\s+/).length <= 4;
      if (last.topic === 'hours' && DAY_SHIFT.test(recognition.text) && (weakIntent || sameIntent || few))
        return 'weak';
      return sameIntent && POINTING_BACK.test(recognition.text) ? 'weak' : undefined;
    }
    const bare = FOLLOW_UP_OPENING.test(recognition.text);
    const short = recognition.text.trim().split(/\s+/).length <= 4;
    // A bare day or branch ("on saturday") after programs for a 12-year-old keeps the age;
    // "what's on tomorrow" or "lego events" is a new question and starts afresh.
    if (sameIntent && !entities.topics?.length && !entities.audience && onlyNames(recognition)) return 'weak';
    if (bare && (weakIntent || short || recognition.intent === last.intent)) return 'weak';
    // "where is it on saturday?" after the bookmobile's hours: "it" points back at the last answer.
    if (weakIntent && (short || POINTING_BACK.test(recognition.text))) return 'weak';
    return undefined;
  }

  /**
   * What to ask about instead of guessing: the top two things the bot can do when their scores are
   * close, or the one likely thing when the recognizer said None but leaned clearly one way.
   */
  private closeIntents(recognition: LibraryRecognition): LibraryIntent[] | undefined {
    const ranked = Object.entries(recognition.intents)
      .filter(([intent]) => intent !== 'None' && this.labels[intent])
      .sort((a, b) => b[1] - a[1]) as [LibraryIntent, number][];
    if (ranked.length === 0) return undefined;
    const unsure = recognition.intent === 'None' || recognition.score < this.minConfidence;
    if (!unsure && recognition.intent !== ranked[0][0]) return undefined;
    const [[first, top], [second, next] = ['None' as LibraryIntent, 0]] = ranked;
    if (second !== 'None' && top - next < this.closeMargin && next >= LIKELY_SCORE / 2)
      return [first, second];
    return unsure && top >= LIKELY_SCORE ? [first] : undefined;
  }

  /** The welcome and help menu for what this library configured. */
  capabilities(greeting: boolean): Reply {
    return capabilitiesReply(this.libraryName, greeting, {
      routed: (intent) => this.routeByIntent.has(intent),
      topics: this.topics(),
    });
  }

  private topics(): string[] {
    const topics: string[] = [];
    const routed = (intent: string) => this.routeByIntent.has(intent);
    if (routed('hours')) topics.push('opening hours');
    if (routed('programs')) topics.push('programs and events');
    if (['holds.list', 'holds.place', 'holds.cancel'].some(routed)) topics.push('your holds');
    if (routed('faq.*')) topics.push(...(this.options.faq ?? []).map((entry) => sentenceCase(entry.title)));
    return topics;
  }

  /** "Sorry, I didn't understand that. I can help with: ..." from what this library configured. */
  private notUnderstood(): string {
    const topics = this.topics();
    // Out-of-scope requests (study rooms, donations) land here too: say both, honestly.
    const sorry = "Sorry, I didn't understand that, or it's not something I can do here.";
    if (topics.length === 0) return `${sorry} Could you say it another way?`;
    // Semicolons, because a FAQ title may have commas of its own ("locations, parking and buses").
    return `${sorry} I can help with: ${topics.join('; ')}. Please ask in your own words.`;
  }

  private async forgetPatron(context: TurnContext): Promise<void> {
    await this.options.preferences?.for(context).forget();
    await sendReply(context, {
      kind: 'text',
      text: "Done: I've deleted the interests and home branch I remembered for you.",
    });
  }

  private answerWithoutDialog(recognition: LibraryRecognition): Reply {
    switch (recognition.intent) {
      case 'greeting':
        return this.capabilities(true);
      case 'help':
        return this.capabilities(false);
      case 'goodbye':
        // "bye" is not a thank-you: answer "You're welcome" only to thanks.
        return {
          kind: 'text',
          text: `${THANKS.test(recognition.text) ? "You're welcome!" : 'Goodbye!'} Thanks for contacting the ${this.libraryName}.`,
        };
      default: {
        const notYet = NOT_YET[recognition.intent] ?? "I can't help with that in this chat yet.";
        return { kind: 'text', text: `${notYet} Please call us and a librarian will help.` };
      }
    }
  }
}

/**
 * A message kept in conversation state while the bot asks a question about it, with long digit runs
 * (a card number typed by mistake) masked: state never holds a card number or PIN.
 */
export function withoutLongNumbers(recognition: LibraryRecognition): LibraryRecognition {
  const mask = (text: string) => text.replace(/\d[\d -]{3,}\d/g, '[number]');
  return { ...recognition, text: mask(recognition.text), normalizedText: mask(recognition.normalizedText) };
}

/** The message is just a day and/or branch, with at most one other word ("on saturday", "eastside then?"). */
function onlyNames(recognition: LibraryRecognition): boolean {
  let rest = recognition.text.toLowerCase();
  for (const said of [recognition.entities.date?.text, recognition.entities.branch?.text])
    if (said) rest = rest.replace(said.toLowerCase(), ' ');
  return rest.split(/[^a-z']+/).filter(Boolean).length <= 1;
}

function isPlainAnswer(text: string): boolean {
  return /^\s*#?\d{1,2}\s*$/.test(text) || yesOrNo(text) !== undefined || isMoreRequest(text);
}

/** "Getting a library card" as "getting a library card"; "Wi-Fi" or "ESL classes" keep their capitals. */
function sentenceCase(title: string): string {
  return /^[A-Z][a-z]/.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}

function freshMemory(): MainMemory {
  return { misunderstood: 0 };
}

// How the main dialog handles a patron's message: an ordered list of small handlers, each of which
// either takes the message (and says what the dialog does next) or passes it on. The order is the
// policy: commands first, then answers to the bot's own questions, then a person when one is called
// for, then follow-ups, then asking which, then not understood, and last the capability's dialog.
import type { TurnContext } from 'botbuilder';
import type { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { optionValue, sendReply } from '../../channels/renderer';
import type { ChoiceOption, Reply } from '../../channels/reply';
import {
  adviceIn,
  alwaysHumanTopicOf,
  isLibraryQuestion,
  questionInside,
  saysFrustrated,
  type AlwaysHumanTopic,
} from '../../library/handoff/escalation';
import { readCorrection } from '../../recognizers/corrections';
import type { BranchMention, LibraryIntent, LibraryRecognition } from '../../recognizers/libraryRecognition';
import { chosenOption, yesOrNo } from '../../recognizers/replies';
import { splitRequests } from '../../recognizers/requests';
import type { EscalationHook } from '../handoff/handoffEscalation';
import type { PatronPreferencesState } from '../programs/patronPreferencesState';
import {
  isMoreRequest,
  type FollowUpKind,
  type RoutedDialogOptions,
  type TopicMemory,
} from './conversationTopic';
import {
  asksBack,
  hintedIntent,
  CANCEL,
  closeIntents,
  correctedRecognition,
  correctionTarget,
  followUpKind,
  FORGET_ME,
  isUnsure,
  type ReadingSettings,
  withoutLongNumbers,
} from './followUps';
import { withheldInput } from '../turnState';
import { startPacking } from './replyPacking';
import {
  acknowledgementReply,
  callUsText,
  cannotAnswerReply,
  greetingOpening,
  faqTitleIn,
  type FaqTitle,
  intentLabels,
  type LibraryContact,
  smallTalkReply,
  notUnderstoodText,
  offerPersonLabels,
  offerPersonReply,
  type OfferedCapabilities,
  unroutedReply,
  whichReply,
  capabilitiesReply,
} from './mainWording';
import type { Messages } from '../../library/language/catalog';
import { messagesOf } from '../conversationLanguage';

/** A capability's dialog and the intents it answers ("faq.*" for every FAQ); started with RoutedDialogOptions. */
export interface IntentRoute {
  intents: LibraryIntent[];
  dialog: Dialog;
  /** Checked before the recognizer: whole messages this route always takes ("sign out"). */
  matches?: (text: string) => boolean;
  /**
   * Messages that name something only this route knows (a program's title, "movie matinee"): taken
   * unless the recognizer is sure of another intent.
   */
  names?: (text: string) => boolean;
}

/** A recognizer this sure of another intent keeps the message ("renew my book club book"). */
const SURE = 0.9;
/** Asking for reading advice ("suggest a book for my book club"), not for a program. */
const READING_ADVICE =
  /\b(recommend\w*|suggest\w*|what should (i|we|my \w+) read|read next|books? (about|on|like)|novels?)\b/i;
/** Below this, entities that point elsewhere (an age, a program topic) win over the classifier. */
const HALF_SURE = 0.6;

/** A "which do you mean" option: an intent, or none for "Something else". */
type WhichOption = ChoiceOption & { intent?: LibraryIntent };

/** One of several requests in a message, waiting its turn (answered in order, in the same reply). */
export interface QueuedRequest {
  text: string;
  /** A branch an earlier request named, which this one is about too. */
  branch?: BranchMention;
}

/** What the main dialog remembers between messages (kept in its dialog state). */
export interface MainMemory {
  last?: TopicMemory;
  /**
   * When the last message held several requests, their answers in order (the last of them is `last`):
   * a correction after it ("no, I meant Oak Hill") goes to the answer it fits (`correctionTarget`).
   */
  answeredTogether?: TopicMemory[];
  /** The other requests of the message being answered, in the order they are answered. */
  queue?: QueuedRequest[];
  /** Said once the current answer is given (a person is one message away, after a frustrated question). */
  note?: string;
  /** Asked once per conversation whether to remember interests; not asked again after a "no". */
  askedToRemember?: boolean;
  misunderstood: number;
  pending?:
    | { kind: 'which'; options: WhichOption[]; recognition: LibraryRecognition }
    | { kind: 'offer-person'; recognition: LibraryRecognition }
    /** The welcome or help menu was shown: "1" or a button's label picks from it. */
    | { kind: 'menu'; options: ChoiceOption[] };
}

export function freshMemory(): MainMemory {
  return { misunderstood: 0 };
}

/** One message being handled: what was said, what the bot was waiting for, and the dialog's moves. */
export class MainTurn {
  private recognized?: LibraryRecognition;

  constructor(
    readonly dc: DialogContext,
    readonly memory: MainMemory,
    /** The question the bot asked last (taken out of memory: it is answered now or forgotten). */
    readonly pending: MainMemory['pending'],
    readonly recognize: (text: string) => LibraryRecognition,
    private readonly restart: (memory: MainMemory) => Promise<DialogTurnResult>,
    /** Set when this message is one of several requests (never split again). */
    readonly part?: QueuedRequest,
  ) {}

  get text(): string {
    return this.dc.context.activity.text ?? '';
  }

  get context(): TurnContext {
    return this.dc.context;
  }

  /** The recognizer's reading, once per message; "1" after the menu reads as that option's question. */
  recognition(): LibraryRecognition {
    if (!this.recognized) {
      const pending = this.pending;
      const picked =
        pending?.kind === 'menu' && /^\s*#?\d{1,2}\s*[.)]?\s*$/.test(this.text)
          ? chosenOption(this.text, pending.options)
          : undefined;
      const recognized = this.recognize(picked ? optionValue(picked) : this.text);
      // "... and where do I park there": the branch named earlier in the message.
      this.recognized =
        this.part?.branch && !recognized.entities.branch
          ? { ...recognized, entities: { ...recognized.entities, branch: this.part.branch } }
          : recognized;
    }
    return this.recognized;
  }

  /** This turn's message catalog (the patron's language). */
  get messages(): Messages {
    return messagesOf(this.context);
  }

  async say(reply: Reply | string): Promise<void> {
    await sendReply(this.context, typeof reply === 'string' ? { kind: 'text', text: reply } : reply);
  }

  /** Wait for the patron's next message. */
  waitAgain(memory: MainMemory = this.memory): Promise<DialogTurnResult> {
    return this.restart(memory);
  }
}

/** "Did you mean opening hours?" offers one intent and "Something else": a plain yes or no answers it. */
function answerToDidYouMean(text: string, options: WhichOption[]): WhichOption | undefined {
  if (options.length !== 2 || options[1].intent) return undefined;
  const answer = yesOrNo(text);
  return answer === 'yes' ? options[0] : answer === 'no' ? options[1] : undefined;
}

export type MainHandler = (turn: MainTurn) => Promise<DialogTurnResult | undefined>;

export interface MainRoutingOptions extends ReadingSettings {
  libraryName: string;
  routes: readonly IntentRoute[];
  escalation?: EscalationHook;
  /** For "forget me"; absent when nothing is remembered. */
  preferences?: PatronPreferencesState;
  /** Offer a person after this many misunderstood messages in a row. */
  offerAfter: number;
  /** FAQ ids and titles, to name FAQ intents when asking "did you mean". */
  faq: readonly FaqTitle[];
  /** The phone number and catalogue, for what this chat cannot answer. */
  contact: Omit<LibraryContact, 'phone'> & { phone?: string };
  /** Always-a-person topics, for what to tell the patron before offering a person. */
  alwaysHumanTopics: readonly AlwaysHumanTopic[];
  /** The configuration's frustration words, taken out to find the question a frustrated patron asked. */
  frustrationWords: readonly string[];
}

/** Intents answered in a line by the main dialog itself: never a misunderstanding. */
const CONVERSATIONAL = new Set(['acknowledge', 'smalltalk', 'library.other']);
/** Messages between questions that leave the last answer as the context of the next one. */
const KEEPS_CONTEXT = new Set(['acknowledge', 'smalltalk', 'goodbye', 'greeting']);

export class MainRouting {
  private readonly routeByIntent = new Map<string, string>();

  /** In order: the first handler that takes the message decides what happens. */
  readonly handlers: readonly MainHandler[] = [
    (turn) => this.startOver(turn),
    (turn) => this.forgetMe(turn),
    (turn) => this.alwaysTaken(turn),
    (turn) => this.nothingMore(turn),
    (turn) => this.answerToWhich(turn),
    (turn) => this.answerToPersonOffer(turn),
    (turn) => this.severalRequests(turn),
    (turn) => this.correction(turn),
    (turn) => this.escalate(turn),
    (turn) => this.named(turn),
    (turn) => this.conversational(turn),
    (turn) => this.followUp(turn),
    (turn) => this.askWhich(turn),
    (turn) => this.notUnderstood(turn),
    (turn) => this.route(turn, turn.recognition()),
  ];

  constructor(private readonly options: MainRoutingOptions) {
    for (const route of options.routes)
      route.intents.forEach((intent) => this.routeByIntent.set(intent, route.dialog.id));
  }

  /** What this library's bot offers (for the welcome, help and "didn't understand"). */
  offered(m: Messages): OfferedCapabilities {
    const faqTitles = this.options.faq.map((entry) => faqTitleIn(m, entry));
    return { routed: (intent) => this.routeByIntent.has(intent), faqTitles };
  }

  capabilities(greeting: boolean, messages: Messages): Reply {
    return capabilitiesReply(messages, this.options.libraryName, greeting, this.offered(messages));
  }

  dialogFor(intent: LibraryIntent): string | undefined {
    return (
      this.routeByIntent.get(intent) ??
      (intent.startsWith('faq.') ? this.routeByIntent.get('faq.*') : undefined)
    );
  }

  async forget(context: TurnContext): Promise<void> {
    await this.options.preferences?.for(context).forget();
    await sendReply(context, { kind: 'text', text: messagesOf(context).main.forgotten });
  }

  private async startOver(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    if (!CANCEL.test(turn.text)) return undefined;
    await turn.say(turn.messages.main.startedOver);
    return turn.waitAgain(freshMemory());
  }

  private async forgetMe(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    if (!FORGET_ME.test(turn.text)) return undefined;
    await this.forget(turn.context);
    return turn.waitAgain();
  }

  /** Whole messages a route always takes ("sign out"), before the recognizer. */
  private async alwaysTaken(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const direct = this.options.routes.find((route) => route.matches?.(turn.text));
    if (!direct) return undefined;
    const options: RoutedDialogOptions = { recognition: { ...turn.recognition(), intents: {} } };
    return turn.dc.beginDialog(direct.dialog.id, options);
  }

  /** "more" after the last page of programs: say so, rather than the help menu. */
  private async nothingMore(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    if (!isMoreRequest(turn.text) || turn.pending || turn.memory.last?.topic !== 'programs') return undefined;
    await turn.say(turn.messages.main.nothingMore);
    return turn.waitAgain();
  }

  private async answerToWhich(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const pending = turn.pending;
    if (pending?.kind !== 'which') return undefined;
    const chosen = chosenOption(turn.text, pending.options) ?? answerToDidYouMean(turn.text, pending.options);
    if (!chosen) return undefined;
    if (!chosen.intent) {
      await turn.say(turn.messages.main.rephrase);
      return turn.waitAgain();
    }
    turn.memory.misunderstood = 0;
    return this.route(turn, { ...pending.recognition, intent: chosen.intent, score: 1 });
  }

  private async answerToPersonOffer(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const pending = turn.pending;
    if (pending?.kind !== 'offer-person') return undefined;
    const answer = yesOrNo(turn.text, offerPersonLabels(turn.messages));
    if (answer === undefined) return undefined;
    turn.memory.misunderstood = 0;
    if (answer === 'yes') return this.route(turn, { ...pending.recognition, intent: 'human', score: 1 });
    await turn.say(turn.messages.main.offerDeclined);
    return turn.waitAgain();
  }

  /**
   * Several requests in one message: each is answered in turn (MainDialog takes them from the queue),
   * the ones that need a question back last, in one reply (SMS texts packed).
   */
  private async severalRequests(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    // Card number and PIN typed into the request belong to that one request: never split it.
    if (turn.part || withheldInput(turn.context)?.kind === 'message') return undefined;
    const split = splitRequests(turn.text, turn.recognize, { minScore: 0.5 });
    if (!split) return undefined;
    // "stupid bot. is riverside open monday": the venting is not a request; a person stays one message away.
    const parts = split.filter((p) => questionInside(p.text, this.options.frustrationWords) !== undefined);
    if (parts.length < split.length) turn.memory.note = turn.messages.main.frustratedNote;
    if (parts.length === 0) return undefined;
    const ordered = [...parts.filter((p) => !asksBack(p)), ...parts.filter(asksBack)];
    turn.memory.queue = ordered.map(({ text, branch }) => (branch ? { text, branch } : { text }));
    turn.memory.answeredTogether = [];
    startPacking(turn.context);
    return turn.waitAgain();
  }

  /** "sorry i meant oak hill", "no, my 8 year old": the last answer again with that one thing changed. */
  private async correction(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const correction = readCorrection(turn.text);
    if (!correction) return undefined;
    const said = turn.recognize(correction.said);
    const about = correctionTarget(said, turn.memory.last, turn.memory.answeredTogether);
    const corrected = correctedRecognition(said, about, this.options);
    if (!corrected) return undefined;
    turn.memory.misunderstood = 0;
    if (corrected.followUp) return this.route(turn, corrected.recognition, 'weak', about);
    return this.route(turn, corrected.recognition);
  }

  /**
   * Explicit requests for a person, frustration and always-a-person topics. A frustrated patron who
   * asked a library question gets the answer first; an always-a-person topic gets its advice first.
   */
  private async escalate(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const escalation = this.options.escalation;
    const recognition = turn.recognition();
    const decision = await escalation?.check(turn.context, recognition);
    if (!escalation || !decision) return this.personTopicWithoutStaff(turn);
    turn.memory.misunderstood = 0;
    const question = decision.reason === 'frustrated' ? this.frustratedQuestion(turn) : undefined;
    if (question) {
      turn.memory.note = turn.messages.main.frustratedNote;
      return this.route(turn, question);
    }
    // Sentiment alone over a parent's words ("my 4 yr old gets bored ... on saturday") is no complaint.
    const hinted = hintedIntent(recognition);
    const sentimentOnly = !saysFrustrated(turn.text, this.options.frustrationWords);
    if (decision.reason === 'frustrated' && sentimentOnly && hinted && this.dialogFor(hinted))
      return this.route(turn, { ...recognition, intent: hinted });
    if (decision.reason === 'always-human') {
      const topic = alwaysHumanTopicOf(this.options.alwaysHumanTopics, turn.text, recognition.intent);
      const advice = adviceIn(topic, turn.messages);
      if (advice) await turn.say(advice);
    }
    return turn.dc.beginDialog(escalation.dialog.id, decision);
  }

  /** The library question inside a frustrated message ("ugh stupid bot when does oak hill close"), if any. */
  private frustratedQuestion(turn: MainTurn): LibraryRecognition | undefined {
    const answerable = (r: LibraryRecognition) => isLibraryQuestion(r.intent) && !isUnsure(r, this.options);
    const recognition = turn.recognition();
    if (answerable(recognition)) return recognition;
    const inside = questionInside(turn.text, this.options.frustrationWords);
    const question = inside && inside !== turn.text ? turn.recognize(inside) : undefined;
    return question && answerable(question) ? question : undefined;
  }

  /** An always-a-person topic where no person can be brought in from the chat: the advice and the phone. */
  private async personTopicWithoutStaff(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const recognition = turn.recognition();
    if (!recognition.intent.startsWith('person.') || isUnsure(recognition, this.options)) return undefined;
    const topic = alwaysHumanTopicOf(this.options.alwaysHumanTopics, turn.text, recognition.intent);
    await turn.say(
      [adviceIn(topic, turn.messages), callUsText(turn.messages, this.phone(turn.messages))]
        .filter(Boolean)
        .join(' '),
    );
    return turn.waitAgain();
  }

  /**
   * A program named by its title ("holiday card making", "winter reading"), a stop of the Bookmobile,
   * a program topic or an age when the recognizer is unsure: that capability, rather than a guess.
   */
  private async named(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const recognition = turn.recognition();
    const route = this.options.routes.find(
      (r) => r.names?.(turn.text) && !r.intents.includes(recognition.intent),
    );
    // A program's name beats small talk or "can't answer that", but not a request for reading advice.
    const declined = CONVERSATIONAL.has(recognition.intent) && !READING_ADVICE.test(turn.text);
    const doubtful =
      isUnsure(recognition, this.options) ||
      declined ||
      recognition.score < SURE ||
      recognition.intent === 'help';
    if (route && doubtful && !/^(holds\.|human$|person\.)/.test(recognition.intent))
      return this.route(turn, { ...recognition, intent: route.intents[0] });
    const hinted = hintedIntent(recognition);
    // An age or a topic outweighs a classifier that is unsure, or half sure of holds ("stuff 4 my 3yo").
    const halfSureHolds = recognition.intent.startsWith('holds.') && recognition.score < HALF_SURE;
    const lost = isUnsure(recognition, this.options) || recognition.intent === 'help' || halfSureHolds;
    if (hinted && lost && this.dialogFor(hinted)) return this.route(turn, { ...recognition, intent: hinted });
    return undefined;
  }

  /** "ok", small talk, a library question not answered here: a line, never "didn't understand". */
  private async conversational(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const recognition = turn.recognition();
    if (!CONVERSATIONAL.has(recognition.intent) || recognition.score < this.options.minConfidence)
      return undefined;
    // "eastside" after an answer is a follow-up even when it reads like small talk.
    if (turn.memory.last && followUpKind(recognition, turn.memory.last, true, this.options)) return undefined;
    turn.memory.misunderstood = 0;
    await turn.say(this.replyWithoutDialog(recognition, turn.messages));
    return turn.waitAgain();
  }

  private async followUp(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const last = turn.memory.last;
    const recognition = turn.recognition();
    const kind = last && followUpKind(recognition, last, Boolean(this.dialogFor(last.intent)), this.options);
    if (!kind || !last) return undefined;
    turn.memory.misunderstood = 0;
    return this.route(turn, { ...recognition, intent: last.intent }, kind);
  }

  /** Two close intents (or one likely one under None): ask instead of guessing. */
  private async askWhich(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const labels = intentLabels(turn.messages, this.options.faq);
    const close = closeIntents(turn.recognition(), (intent) => Boolean(labels[intent]), this.options);
    if (!close) return undefined;
    // Who it is for settles it: "computer help for older people" is a program, not the computers FAQ.
    const recognition = turn.recognition();
    if (recognition.entities.audience?.ages && close.includes('programs') && this.dialogFor('programs'))
      return this.route(turn, { ...recognition, intent: 'programs' });
    const options: WhichOption[] = close.map((intent) => ({
      label: labels[intent]!,
      value: labels[intent]!,
      intent,
    }));
    if (options.length === 1)
      options.push({ label: turn.messages.main.somethingElse, value: turn.messages.main.somethingElse });
    turn.memory.pending = { kind: 'which', options, recognition: withoutLongNumbers(turn.recognition()) };
    await turn.say(
      whichReply(
        turn.messages,
        close.map((intent) => labels[intent]!),
        options.map(({ label, value }) => ({ label, value })),
      ),
    );
    return turn.waitAgain();
  }

  /** Not understood: say what the bot can do; after a few in a row, offer a person. */
  private async notUnderstood(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const recognition = turn.recognition();
    if (!isUnsure(recognition, this.options)) return undefined;
    turn.memory.misunderstood += 1;
    if (turn.memory.misunderstood >= this.options.offerAfter) {
      turn.memory.pending = { kind: 'offer-person', recognition: withoutLongNumbers(recognition) };
      await turn.say(offerPersonReply(turn.messages));
    } else {
      await turn.say(notUnderstoodText(turn.messages, this.offered(turn.messages)));
    }
    return turn.waitAgain();
  }

  /** The capability's dialog for the intent; only a bare follow-up carries the last answer's context. */
  private async route(
    turn: MainTurn,
    recognition: LibraryRecognition,
    followUp?: FollowUpKind,
    /** The answer a follow-up is about, when not the last one (a correction after several requests). */
    about: TopicMemory | undefined = turn.memory.last,
  ): Promise<DialogTurnResult> {
    const memory = turn.memory;
    memory.misunderstood = 0;
    const routed = this.dialogFor(recognition.intent);
    if (routed) {
      // Kept with the dialog stack: the answer as read, not every intent's probability.
      const options: RoutedDialogOptions = { recognition: { ...recognition, intents: {} } };
      if (memory.askedToRemember) options.askedToRemember = true;
      if (turn.part) options.partOfSeveral = true;
      if (followUp && about?.intent === recognition.intent) {
        options.previous = about;
        options.followUp = followUp;
      }
      return turn.dc.beginDialog(routed, options);
    }
    // Thanks or small talk between questions keep the last answer for "actually, what about Oak Hill".
    if (recognition.intent !== memory.last?.intent && !KEEPS_CONTEXT.has(recognition.intent))
      memory.last = undefined;
    const reply = this.replyWithoutDialog(recognition, turn.messages);
    await turn.say(reply);
    if (reply.kind === 'choice') memory.pending = { kind: 'menu', options: reply.options };
    return turn.waitAgain();
  }

  private replyWithoutDialog(recognition: LibraryRecognition, m: Messages): Reply {
    const contact = { ...this.options.contact, phone: this.phone(m) };
    switch (recognition.intent) {
      case 'greeting':
        return this.greeting(recognition.text, m);
      case 'help':
        return this.capabilities(false, m);
      case 'acknowledge':
        return acknowledgementReply(m);
      case 'smalltalk':
        return smallTalkReply(m, recognition.text, contact);
      case 'library.other':
        return cannotAnswerReply(m, recognition.text, contact, this.routeByIntent.has('human'));
      default:
        return unroutedReply(m, recognition.intent, recognition.text, this.options.libraryName);
    }
  }

  /** The library's phone number, or "the library" when the configuration has none. */
  private phone(m: Messages): string {
    return this.options.contact.phone ?? m.main.theLibrary;
  }

  /** The welcome, after "Yes, I'm here!" when the patron asked whether anyone was there. */
  private greeting(text: string, m: Messages): Reply {
    const reply = this.capabilities(true, m);
    const opening = greetingOpening(m, text);
    if (!opening || reply.kind !== 'choice') return reply;
    return {
      ...reply,
      prompt: `${opening} ${reply.prompt}`,
      ...(reply.smsPrompt ? { smsPrompt: `${opening} ${reply.smsPrompt}` } : {}),
    };
  }
}

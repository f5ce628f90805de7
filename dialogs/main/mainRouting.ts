// How the main dialog handles a patron's message: an ordered list of small handlers, each of which
// either takes the message (and says what the dialog does next) or passes it on. The order is the
// policy: commands first, then answers to the bot's own questions, then a person when one is called
// for, then follow-ups, then asking which, then not understood, and last the capability's dialog.
import type { TurnContext } from 'botbuilder';
import type { Dialog, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { optionValue, sendReply } from '../../channels/renderer';
import type { ChoiceOption, Reply } from '../../channels/reply';
import type { LibraryIntent, LibraryRecognition } from '../../recognizers/libraryRecognition';
import { chosenOption, yesOrNo } from '../../recognizers/replies';
import type { EscalationHook } from '../handoff/handoffEscalation';
import type { PatronPreferencesState } from '../programs/patronPreferencesState';
import {
  isMoreRequest,
  type FollowUpKind,
  type RoutedDialogOptions,
  type TopicMemory,
} from './conversationTopic';
import {
  CANCEL,
  closeIntents,
  followUpKind,
  FORGET_ME,
  isUnsure,
  type ReadingSettings,
  withoutLongNumbers,
} from './followUps';
import {
  FORGOTTEN_TEXT,
  NOTHING_MORE_TEXT,
  notUnderstoodText,
  OFFER_DECLINED_TEXT,
  OFFER_PERSON_LABELS,
  offerPersonReply,
  type OfferedCapabilities,
  REPHRASE_TEXT,
  STARTED_OVER_TEXT,
  unroutedReply,
  whichReply,
  capabilitiesReply,
} from './mainWording';

/** A capability's dialog and the intents it answers ("faq.*" for every FAQ); started with RoutedDialogOptions. */
export interface IntentRoute {
  intents: LibraryIntent[];
  dialog: Dialog;
  /** Checked before the recognizer: whole messages this route always takes ("sign out"). */
  matches?: (text: string) => boolean;
}

/** A "which do you mean" option: an intent, or none for "Something else". */
type WhichOption = ChoiceOption & { intent?: LibraryIntent };

/** What the main dialog remembers between messages (kept in its dialog state). */
export interface MainMemory {
  last?: TopicMemory;
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
    readonly step: WaterfallStepContext,
    readonly memory: MainMemory,
    /** The question the bot asked last (taken out of memory: it is answered now or forgotten). */
    readonly pending: MainMemory['pending'],
    private readonly recognize: (text: string) => LibraryRecognition,
    private readonly restart: (memory: MainMemory) => Promise<DialogTurnResult>,
  ) {}

  get text(): string {
    return this.step.context.activity.text ?? '';
  }

  get context(): TurnContext {
    return this.step.context;
  }

  /** The recognizer's reading, once per message; "1" after the menu reads as that option's question. */
  recognition(): LibraryRecognition {
    if (!this.recognized) {
      const pending = this.pending;
      const picked =
        pending?.kind === 'menu' && /^\s*#?\d{1,2}\s*[.)]?\s*$/.test(this.text)
          ? chosenOption(this.text, pending.options)
          : undefined;
      this.recognized = this.recognize(picked ? optionValue(picked) : this.text);
    }
    return this.recognized;
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
  labels: Partial<Record<string, string>>;
  faqTitles: readonly string[];
}

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
    (turn) => this.escalate(turn),
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
  get offered(): OfferedCapabilities {
    return { routed: (intent) => this.routeByIntent.has(intent), faqTitles: this.options.faqTitles };
  }

  capabilities(greeting: boolean): Reply {
    return capabilitiesReply(this.options.libraryName, greeting, this.offered);
  }

  dialogFor(intent: LibraryIntent): string | undefined {
    return (
      this.routeByIntent.get(intent) ??
      (intent.startsWith('faq.') ? this.routeByIntent.get('faq.*') : undefined)
    );
  }

  async forget(context: TurnContext): Promise<void> {
    await this.options.preferences?.for(context).forget();
    await sendReply(context, { kind: 'text', text: FORGOTTEN_TEXT });
  }

  private async startOver(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    if (!CANCEL.test(turn.text)) return undefined;
    await turn.say(STARTED_OVER_TEXT);
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
    const options: RoutedDialogOptions = { recognition: turn.recognition() };
    return turn.step.beginDialog(direct.dialog.id, options);
  }

  /** "more" after the last page of programs: say so, rather than the help menu. */
  private async nothingMore(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    if (!isMoreRequest(turn.text) || turn.pending || turn.memory.last?.topic !== 'programs') return undefined;
    await turn.say(NOTHING_MORE_TEXT);
    return turn.waitAgain();
  }

  private async answerToWhich(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const pending = turn.pending;
    if (pending?.kind !== 'which') return undefined;
    const chosen = chosenOption(turn.text, pending.options) ?? answerToDidYouMean(turn.text, pending.options);
    if (!chosen) return undefined;
    if (!chosen.intent) {
      await turn.say(REPHRASE_TEXT);
      return turn.waitAgain();
    }
    turn.memory.misunderstood = 0;
    return this.route(turn, { ...pending.recognition, intent: chosen.intent, score: 1 });
  }

  private async answerToPersonOffer(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const pending = turn.pending;
    if (pending?.kind !== 'offer-person') return undefined;
    const answer = yesOrNo(turn.text, OFFER_PERSON_LABELS);
    if (answer === undefined) return undefined;
    turn.memory.misunderstood = 0;
    if (answer === 'yes') return this.route(turn, { ...pending.recognition, intent: 'human', score: 1 });
    await turn.say(OFFER_DECLINED_TEXT);
    return turn.waitAgain();
  }

  /** Explicit requests for a person, frustration and always-a-person topics. */
  private async escalate(turn: MainTurn): Promise<DialogTurnResult | undefined> {
    const escalation = this.options.escalation;
    const decision = await escalation?.check(turn.context, turn.recognition());
    if (!escalation || !decision) return undefined;
    turn.memory.misunderstood = 0;
    return turn.step.beginDialog(escalation.dialog.id, decision);
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
    const labels = this.options.labels;
    const close = closeIntents(turn.recognition(), (intent) => Boolean(labels[intent]), this.options);
    if (!close) return undefined;
    const options: WhichOption[] = close.map((intent) => ({
      label: labels[intent]!,
      value: labels[intent]!,
      intent,
    }));
    if (options.length === 1) options.push({ label: 'Something else', value: 'Something else' });
    turn.memory.pending = { kind: 'which', options, recognition: withoutLongNumbers(turn.recognition()) };
    await turn.say(
      whichReply(
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
      await turn.say(offerPersonReply());
    } else {
      await turn.say(notUnderstoodText(this.offered));
    }
    return turn.waitAgain();
  }

  /** The capability's dialog for the intent; only a bare follow-up carries the last answer's context. */
  private async route(
    turn: MainTurn,
    recognition: LibraryRecognition,
    followUp?: FollowUpKind,
  ): Promise<DialogTurnResult> {
    const memory = turn.memory;
    memory.misunderstood = 0;
    const routed = this.dialogFor(recognition.intent);
    if (routed) {
      const options: RoutedDialogOptions = { recognition };
      if (memory.askedToRemember) options.askedToRemember = true;
      if (followUp && memory.last?.intent === recognition.intent) {
        options.previous = memory.last;
        options.followUp = followUp;
      }
      return turn.step.beginDialog(routed, options);
    }
    if (recognition.intent !== memory.last?.intent) memory.last = undefined;
    const reply = this.replyWithoutDialog(recognition);
    await turn.say(reply);
    if (reply.kind === 'choice') memory.pending = { kind: 'menu', options: reply.options };
    return turn.waitAgain();
  }

  private replyWithoutDialog(recognition: LibraryRecognition): Reply {
    if (recognition.intent === 'greeting') return this.capabilities(true);
    if (recognition.intent === 'help') return this.capabilities(false);
    return unroutedReply(recognition.intent, recognition.text, this.options.libraryName);
  }
}

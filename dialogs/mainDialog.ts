// Routes every patron message on the recognizer's top intent to the dialog for that capability.
import { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  DialogSet,
  DialogState,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { sendReply } from '../channels/renderer';
import { Reply } from '../channels/reply';
import {
  LibraryIntent,
  LibraryRecognition,
  PatronMessageRecognizer,
} from '../recognizers/libraryRecognition';

export const MAIN_DIALOG = 'mainDialog';
const MAIN_WATERFALL = 'mainWaterfall';

/** A capability's dialog and the intents it answers; started with `{ recognition }` as options. */
export interface IntentRoute {
  intents: LibraryIntent[];
  dialog: Dialog;
}

export interface MainDialogOptions {
  recognizer: PatronMessageRecognizer;
  libraryName: string;
  routes?: IntentRoute[];
  now?: () => Date;
}

export interface RoutedDialogOptions {
  recognition: LibraryRecognition;
}

/** What the bot can do, said the same way in the welcome and in help. */
export function capabilitiesReply(libraryName: string, greeting: boolean): Reply {
  const intro = greeting ? `Hi! I'm the ${libraryName} help bot.` : 'Here is what I can help with.';
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

const NOT_YET: Partial<Record<string, string>> = {
  hours: "I can't look up opening hours yet.",
  programs: "I can't look up programs and events yet.",
  'holds.list': "I can't look at your holds yet.",
  'holds.place': "I can't place holds yet.",
  'holds.cancel': "I can't cancel holds yet.",
  human: "I can't connect you with a person from this chat yet.",
};

export class MainDialog extends ComponentDialog {
  private readonly recognizer: PatronMessageRecognizer;
  private readonly libraryName: string;
  private readonly routeByIntent = new Map<string, string>();
  private readonly now: () => Date;

  constructor(options: MainDialogOptions) {
    super(MAIN_DIALOG);
    this.recognizer = options.recognizer;
    this.libraryName = options.libraryName;
    this.now = options.now ?? (() => new Date());
    for (const route of options.routes ?? []) {
      this.addDialog(route.dialog);
      route.intents.forEach((intent) => this.routeByIntent.set(intent, route.dialog.id));
    }
    this.addDialog(
      new WaterfallDialog(MAIN_WATERFALL, [this.routeStep.bind(this), this.finalStep.bind(this)]),
    );
    this.initialDialogId = MAIN_WATERFALL;
  }

  /** Runs the dialog stack for one turn (the core-bot pattern). */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dialogContext.beginDialog(this.id);
    }
  }

  private async routeStep(step: WaterfallStepContext) {
    const text = step.context.activity.text ?? '';
    const recognition = this.recognizer.recognize(text, this.now());
    const routed = this.routeByIntent.get(recognition.intent);
    if (routed) {
      const options: RoutedDialogOptions = { recognition };
      return step.beginDialog(routed, options);
    }
    await sendReply(step.context, this.answerWithoutDialog(recognition));
    return step.endDialog();
  }

  private async finalStep(step: WaterfallStepContext) {
    return step.endDialog();
  }

  private answerWithoutDialog(recognition: LibraryRecognition): Reply {
    switch (recognition.intent) {
      case 'greeting':
        return capabilitiesReply(this.libraryName, true);
      case 'help':
        return capabilitiesReply(this.libraryName, false);
      case 'goodbye':
        return { kind: 'text', text: `You're welcome! Thanks for contacting the ${this.libraryName}.` };
      case 'None':
        return {
          kind: 'text',
          text:
            "Sorry, I didn't understand that. I can help with hours, programs, holds, library cards, " +
            'fines, renewals, locations and computers.',
        };
      default: {
        const notYet = NOT_YET[recognition.intent] ?? "I can't help with that in this chat yet.";
        return { kind: 'text', text: `${notYet} Please call us and a librarian will help.` };
      }
    }
  }
}

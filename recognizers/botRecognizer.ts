// Bot Framework face of the library recognizer: a botbuilder-dialogs `Recognizer` whose
// RecognizerResult carries every intent's score, the entities and the normalised text. Dialogs
// should read our own typed result back with `libraryRecognitionOf(result)`, not the raw shape.
import type { Activity, RecognizerResult, TurnContext } from 'botbuilder';
import { Recognizer, type DialogContext } from 'botbuilder-dialogs';
import type { LibraryRecognition, PatronMessageRecognizer } from './libraryRecognition';

/** Where the typed recognition travels inside a RecognizerResult. */
const RECOGNITION = 'libraryRecognition';

export class LibraryBotRecognizer extends Recognizer {
  constructor(
    private readonly recognizer: PatronMessageRecognizer,
    /** Injected so tests and replays can fix "today"; the library's time zone is applied inside. */
    private readonly clock: () => Date = () => new Date(),
  ) {
    super();
    this.id = 'LibraryRecognizer';
  }

  /** The dialogs' entry point: botbuilder-dialogs calls this with the turn's dialog context. */
  override async recognize(
    dialogContext: DialogContext,
    activity?: Partial<Activity>,
  ): Promise<RecognizerResult> {
    return this.recognizeActivity(activity ?? dialogContext.context.activity);
  }

  /** For code that has a TurnContext but no dialog context (like LuisRecognizer.recognize(context)). */
  async recognizeTurn(context: TurnContext): Promise<RecognizerResult> {
    return this.recognizeActivity(context.activity);
  }

  recognizeActivity(activity: Partial<Activity>): RecognizerResult {
    // Card buttons may post a message with no text; that is nothing to classify.
    const text = typeof activity.text === 'string' ? activity.text : '';
    return toRecognizerResult(this.recognizer.recognize(text, this.clock()));
  }
}

export function toRecognizerResult(recognition: LibraryRecognition): RecognizerResult {
  const intents: Record<string, { score: number }> = {};
  for (const [intent, score] of Object.entries(recognition.intents)) intents[intent] = { score };
  // The chosen intent's score wins even when it came from the out-of-scope threshold.
  intents[recognition.intent] = { score: recognition.score };
  return {
    text: recognition.text,
    alteredText: recognition.normalizedText,
    intents,
    entities: { ...recognition.entities },
    [RECOGNITION]: recognition,
  };
}

/** Our typed recognition from a RecognizerResult made by LibraryBotRecognizer. */
export function libraryRecognitionOf(result: RecognizerResult): LibraryRecognition | undefined {
  const value: unknown = result[RECOGNITION];
  return value && typeof value === 'object' ? (value as LibraryRecognition) : undefined;
}

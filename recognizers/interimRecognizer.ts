// Interim recognizer used until the trained classifier lands: greetings, help and goodbyes only;
// everything else is None so the bot says honestly what it cannot do yet.
import { LibraryIntent, LibraryRecognition, PatronMessageRecognizer } from './libraryRecognition';

const PATTERNS: [LibraryIntent, RegExp][] = [
  ['greeting', /^(hi|hello|hey|good (morning|afternoon|evening))\b/i],
  ['help', /^(help|what can you do|menu)\b/i],
  ['goodbye', /^(bye|goodbye|thanks|thank you)\b/i],
];

export class InterimRecognizer implements PatronMessageRecognizer {
  recognize(text: string): LibraryRecognition {
    const normalizedText = text.trim().toLowerCase();
    const intent = PATTERNS.find(([, pattern]) => pattern.test(normalizedText))?.[0] ?? 'None';
    return { text, normalizedText, intent, score: 1, intents: { [intent]: 1 }, entities: {} };
  }
}

// How well the language reading does on labelled messages: alone (a conversation's first message,
// no hint) and inside a conversation already in that language. Used by the test and `npm run -s nlu
// -- language`.
import type { Messages } from './catalog';
import { readLanguage } from './detectLanguage';

export interface LanguageScore {
  language: string;
  messages: number;
  /** Read right as a conversation's first message, with no hint (the default language as prior). */
  alone: number;
  /** Read right in a conversation already in that language (a short "ok" must not switch it). */
  inConversation: number;
  /** Read right in a conversation in another language (the message must switch it). */
  switching: number;
  wrongAlone: string[];
  /** Messages that carry a language at all (a word of one language only), and of those read right alone. */
  carrying: number;
  aloneCarrying: number;
  /** The messages that carry no language. */
  noLanguage: string[];
}

/** Whether a message carries a language at all: "ok", "👍", "asdfgh" and "fax?" do not. */
export type CarriesLanguage = (line: string) => boolean;

export function evaluateLanguageReading(
  samples: ReadonlyMap<string, readonly string[]>,
  catalogs: readonly Messages[],
  carriesLanguage: CarriesLanguage = () => true,
): LanguageScore[] {
  return [...samples].map(([language, lines]) => {
    const other = catalogs.find((m) => m.language !== language)?.language;
    const score: LanguageScore = {
      language,
      messages: lines.length,
      alone: 0,
      inConversation: 0,
      switching: 0,
      wrongAlone: [],
      carrying: 0,
      aloneCarrying: 0,
      noLanguage: [],
    };
    for (const line of lines) {
      const alone = readLanguage(line, { catalogs }).language === language;
      if (alone) score.alone++;
      else score.wrongAlone.push(line);
      if (carriesLanguage(line)) {
        score.carrying++;
        if (alone) score.aloneCarrying++;
      } else score.noLanguage.push(line);
      if (readLanguage(line, { catalogs, previous: language }).language === language) score.inConversation++;
      if (readLanguage(line, { catalogs, previous: other }).language === language) score.switching++;
    }
    return score;
  });
}

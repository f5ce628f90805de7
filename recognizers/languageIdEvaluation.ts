// The language reading measured on short patron messages (`corpus/language-id/`: `<language>.txt` for
// messages written in that language, `neutral.txt` for "ok", "2", names and titles that belong to none)
// and on each language's held-out splits, with its cost per message. `npm run -s nlu -- language`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGS, type Messages } from '../library/language/catalog';
import { messageWords, readLanguage } from '../library/language/detectLanguage';
import {
  evaluateLanguageReading,
  type CarriesLanguage,
  type LanguageScore,
} from '../library/language/languageEvaluation';
import { readWordList } from '../library/language/lexicon/buildSpanishLexicon';
import { spanishWordTables } from '../library/language/lexicon/spanishLexicon';
import { isSpanishWord } from '../library/language/lexicon/spanishWords';
import { DEFAULT_CORPUS_DIRECTORY, corpusLanguages, heldOutSplits, readCorpusDirectory } from './corpus';

export interface NeutralScore {
  messages: number;
  /** A first message with no hint stays in the default language. */
  alone: number;
  /** Kept the conversation's language, for every language the bot speaks (messages x languages). */
  kept: number;
  checks: number;
}

export interface LanguageIdReport {
  /** Per set ("language-id", "language-id-fresh", "heldout", "heldout-fresh") and language. */
  sets: { set: string; scores: LanguageScore[] }[];
  neutral: NeutralScore;
  /** Mean CPU time of one reading in microseconds, over every message of every set, in a conversation. */
  microsecondsPerMessage: number;
  /** The same as a conversation's first message (the Spanish lexicon is asked too). */
  microsecondsPerFirstMessage: number;
}

function heldOutLines(directory: string, language: string, split: string): string[] {
  const folder = language === 'en' ? join(directory, split) : join(directory, language, split);
  return [...readCorpusDirectory(folder).values()].flat();
}

/**
 * The rule that sets apart the messages no reader can place ("ok", "👍", "asdfgh", "fax?", "mmm"): a
 * message carries a language when one of its words belongs to one language only, by the dictionaries
 * (the English word list, a dev dependency; the Spanish lexicon) or by one catalog's everyday words.
 * Mechanical, never marked by hand per line; the figures are given both over every message and over
 * these.
 */
export function languageCarrier(catalogs: readonly Messages[]): CarriesLanguage {
  const english = readWordList('an-array-of-english-words');
  const spanish = spanishWordTables();
  const dictionaries: Record<string, (word: string) => boolean> = {
    en: (word) => english.has(word),
    es: (word) => spanish.shared.has(word) || isSpanishWord(word, spanish),
  };
  const everyday = new Map(catalogs.map((m) => [m.language, new Set(m.commonWords)]));
  const languagesOf = (word: string) =>
    catalogs.filter((m) => dictionaries[m.language]?.(word) || everyday.get(m.language)?.has(word)).length;
  return (line) => messageWords(line).some((word) => /[a-z]/.test(word) && languagesOf(word) === 1);
}

export function evaluateLanguageId(directory: string = DEFAULT_CORPUS_DIRECTORY): LanguageIdReport {
  const catalogs = Object.values(CATALOGS);
  const carries = languageCarrier(catalogs);
  const neutralLines: string[] = [];
  const sets: { set: string; scores: LanguageScore[] }[] = [];
  const shortLines: string[] = [];
  // `language-id/` and later sets written by someone who had not seen the errors (`language-id-fresh/`).
  for (const folder of readdirSync(directory)
    .filter((name) => /^language-id(-[a-z0-9-]+)?$/.test(name))
    .sort()) {
    const short = readCorpusDirectory(join(directory, folder));
    neutralLines.push(...(short.get('neutral') ?? []));
    short.delete('neutral');
    for (const lines of short.values()) shortLines.push(...lines);
    sets.push({ set: folder, scores: evaluateLanguageReading(short, catalogs, carries) });
  }
  const languages = ['en', ...corpusLanguages(directory)];
  const splits = new Set(languages.flatMap((l) => heldOutSplits(directory, l === 'en' ? undefined : l)));
  for (const split of splits) {
    const samples = new Map(
      languages
        .map((l) => [l, heldOutLines(directory, l, split)] as const)
        .filter(([, lines]) => lines.length),
    );
    sets.push({ set: split, scores: evaluateLanguageReading(samples, catalogs, carries) });
  }
  const neutral: NeutralScore = { messages: neutralLines.length, alone: 0, kept: 0, checks: 0 };
  for (const line of neutralLines) {
    if (readLanguage(line, { catalogs }).language === catalogs[0].language) neutral.alone++;
    for (const m of catalogs) {
      neutral.checks++;
      if (readLanguage(line, { catalogs, previous: m.language }).language === m.language) neutral.kept++;
    }
  }
  const everything = [...shortLines, ...neutralLines];
  for (const split of splits)
    for (const l of languages) everything.push(...heldOutLines(directory, l, split));
  for (const line of everything) readLanguage(line, { catalogs }); // warm up
  // CPU time, not wall: the machine is shared, and a busy neighbour should not count as our cost.
  const meanCpu = (previous: string | undefined) => {
    const rounds = 5;
    const started = process.cpuUsage();
    for (let i = 0; i < rounds; i++)
      for (const line of everything) readLanguage(line, { catalogs, previous });
    const used = process.cpuUsage(started);
    return (used.user + used.system) / (rounds * everything.length);
  };
  return {
    sets,
    neutral,
    microsecondsPerMessage: meanCpu('en'),
    microsecondsPerFirstMessage: meanCpu(undefined),
  };
}

export function formatLanguageIdReport(report: LanguageIdReport): string {
  const lines: string[] = [];
  const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
  for (const { set, scores } of report.sets) {
    for (const s of scores) {
      lines.push(
        `${set} ${s.language}: ${s.messages} messages; first message, no hint ${pct(s.alone, s.messages)} ` +
          `(${pct(s.aloneCarrying, s.carrying)} of the ${s.carrying} that carry a language); ` +
          `in a conversation in ${s.language} ${pct(s.inConversation, s.messages)}; ` +
          `switching from the other ${pct(s.switching, s.messages)}`,
      );
      for (const wrong of s.wrongAlone)
        lines.push(`  wrong alone${s.noLanguage.includes(wrong) ? ' (carries no language)' : ''}: ${wrong}`);
    }
  }
  const n = report.neutral;
  lines.push(
    `neutral: ${n.messages} messages; first message stays ${pct(n.alone, n.messages)}; ` +
      `conversation's language kept ${pct(n.kept, n.checks)}`,
  );
  lines.push(
    `cost: ${report.microsecondsPerMessage.toFixed(1)} us of CPU per message (mean), ` +
      `${report.microsecondsPerFirstMessage.toFixed(1)} us for a conversation's first message`,
  );
  return lines.join('\n');
}

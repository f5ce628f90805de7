// Is this word Spanish and not English? Read from a Spanish dictionary less every word an English one
// also has (built by buildSpanishLexicon.ts from the MIT-licensed Letterpress lists, see README.md),
// for a conversation's first message only, where nothing else tells the language: "saludos",
// "donacion", "tareas", "escaner" are in no catalog's everyday words. Patrons' spellings the
// dictionary has not: a stretched "holaaa" and a pronoun joined to a verb ("cuidese", "hazlo").
import type { WordTable } from './wordTable';

export interface SpanishWordTables {
  /** Spanish words no English dictionary has. */
  spanishOnly: WordTable;
  /** Spanish words English has too ("come", "dame"): a verb a pronoun may join ("comelo"). */
  shared: WordTable;
  /** English and left-out words the spelling rules below would take for Spanish ("hello", "yall"). */
  notSpanish: ReadonlySet<string>;
}

/** Pronouns Spanish joins to an imperative, infinitive or gerund ("digamelo", "renovarlos"). */
const ENCLITICS = /(?:(?:me|te|se|nos)(?:lo|la|los|las|le|les)|me|te|se|nos|lo|la|los|las|le|les)$/;
/** The shortest verb form a pronoun joins that the rule trusts ("haz" + "lo"; "da" + "me" is too short). */
const SHORTEST_STEM = 3;

/**
 * The spellings a patron's word may stand for: as typed, and with stretched letters undone: a letter
 * three times or more, a doubled vowel ("holaa", "siii"), a doubled last letter ("graciass"). Not "ll"
 * or "rr" inside a word: those are Spanish letters ("llamar" is not "lamar").
 */
function spellings(word: string): string[] {
  const unstretched = word
    .replace(/(.)\1{2,}/g, '$1')
    .replace(/([aeiou])\1/g, '$1')
    .replace(/([b-df-hj-km-z])\1$/, '$1');
  return unstretched === word ? [word] : [word, unstretched];
}

function withPronoun(word: string, tables: Pick<SpanishWordTables, 'spanishOnly' | 'shared'>): boolean {
  const pronoun = ENCLITICS.exec(word)?.[0];
  if (!pronoun) return false;
  const stem = word.slice(0, -pronoun.length);
  return stem.length >= SHORTEST_STEM && (tables.spanishOnly.has(stem) || tables.shared.has(stem));
}

/** The rules alone, before the English exceptions: the builder uses this to find those exceptions. */
export function readsAsSpanish(
  word: string,
  tables: Pick<SpanishWordTables, 'spanishOnly' | 'shared'>,
): boolean {
  return spellings(word).some(
    (spelling) => tables.spanishOnly.has(spelling) || withPronoun(spelling, tables),
  );
}

export function isSpanishWord(word: string, tables: SpanishWordTables): boolean {
  return !tables.notSpanish.has(word) && readsAsSpanish(word, tables);
}

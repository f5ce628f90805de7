// The Spanish lexicon (spanishWords.ts), decompressed from its committed data on first use: a process
// that never sees a new conversation never pays for the large table. Read-only data, like tinyld's own
// model, so one copy serves every conversation.
import { brotliDecompressSync } from 'node:zlib';
import { SPANISH_LEXICON } from './spanishLexicon.data';
import type { SpanishWordTables } from './spanishWords';
import { WordTable } from './wordTable';

function table(base64: string): WordTable {
  return new WordTable(brotliDecompressSync(Buffer.from(base64, 'base64')));
}

let shared: WordTable | undefined;
let loaded: SpanishWordTables | undefined;

/** Words both Spanish and English dictionaries have ("no", "menu", "sale"): 9,000 words, 80 KB. */
export function wordsOfBothLanguages(): WordTable {
  return (shared ??= table(SPANISH_LEXICON.shared));
}

/** Every table (the Spanish-only one: 626,000 words, about 3 MB, some 40 ms to unpack once). */
export function spanishWordTables(): SpanishWordTables {
  return (loaded ??= {
    spanishOnly: table(SPANISH_LEXICON.spanishOnly),
    shared: wordsOfBothLanguages(),
    notSpanish: new Set(SPANISH_LEXICON.notSpanish.split(' ')),
  });
}

// The first-message Spanish lexicon: the front-coded word table, the spelling rules, and the committed
// data against the word lists it is built from (the dev dependencies).
import { expect } from 'chai';
import { brotliDecompressSync } from 'node:zlib';
import { readLeftOut, readWordList } from '../../library/language/lexicon/buildSpanishLexicon';
import { SPANISH_LEXICON } from '../../library/language/lexicon/spanishLexicon.data';
import { spanishWordTables, wordsOfBothLanguages } from '../../library/language/lexicon/spanishLexicon';
import { isSpanishWord, readsAsSpanish } from '../../library/language/lexicon/spanishWords';
import { WordTable, encodeWordTable } from '../../library/language/lexicon/wordTable';

const tableOf = (words: string[]) => new WordTable(Buffer.from(encodeWordTable(words), 'latin1'));

describe('word table (front-coded, a full word every block)', () => {
  // 300 words sharing long prefixes, so blocks start mid-run and lines share up to the whole word.
  const words = Array.from({ length: 300 }, (_, i) => `pal${'a'.repeat(i % 7)}bra${i.toString(36)}`);

  it('finds every word it holds, across block boundaries, and counts them', () => {
    const table = tableOf(words);
    expect(table.size).to.equal(new Set(words).size);
    for (const word of words) expect(table.has(word), word).to.equal(true);
  });

  it('finds nothing else: before the first word, after the last, prefixes and extensions', () => {
    const table = tableOf(words);
    for (const word of ['a', 'zzz', 'pal', 'palabra', `${words[5]}zz`, words[5].slice(0, -1), ''])
      expect(table.has(word), word).to.equal(false);
  });

  it('holds an empty list and a single word', () => {
    expect(tableOf([]).has('a')).to.equal(false);
    expect(tableOf([]).size).to.equal(0);
    expect(tableOf(['sol']).has('sol')).to.equal(true);
    expect(tableOf(['sol']).has('so')).to.equal(false);
  });
});

describe('Spanish lexicon', () => {
  const tables = spanishWordTables();
  const spanish = (word: string) => isSpanishWord(word, tables);

  it('reads Spanish words no catalog lists, stretched letters and pronouns joined to a verb', () => {
    for (const word of [
      'cuaderno',
      'bendiciones',
      'fotocopiar',
      'holaaaa',
      'cuidate',
      'renovarlos',
      'guardamelo',
    ])
      expect(spanish(word), word).to.equal(true);
  });

  it('does not read English words (listed or texting), words of both languages or Hispanic names as Spanish', () => {
    for (const word of ['hello', 'possible', 'template', 'commission', 'library', 'menu', 'no', 'sale'])
      expect(spanish(word), word).to.equal(false);
    for (const word of ['garcia', 'rivera', 'esperanza', 'juan']) expect(spanish(word), word).to.equal(false);
    for (const word of ['yall', 'jan']) expect(spanish(word), word).to.equal(false);
    expect(wordsOfBothLanguages().has('menu')).to.equal(true);
  });

  it('is the committed build of the word lists (npm run -s lexicon after changing them)', function () {
    this.timeout(20000);
    const spanishWords = readWordList('an-array-of-spanish-words');
    const englishWords = readWordList('an-array-of-english-words');
    const leftOut = readLeftOut();
    const unpack = (base64: string) => brotliDecompressSync(Buffer.from(base64, 'base64')).toString('latin1');
    const spanishOnly = [...spanishWords].filter((word) => !englishWords.has(word) && !leftOut.has(word));
    expect(unpack(SPANISH_LEXICON.spanishOnly)).to.equal(encodeWordTable(spanishOnly));
    expect(unpack(SPANISH_LEXICON.shared)).to.equal(
      encodeWordTable([...spanishWords].filter((word) => englishWords.has(word))),
    );
    // The exceptions are English (or left-out) words the rules would misread without them.
    const exceptions = SPANISH_LEXICON.notSpanish.split(' ');
    expect(exceptions.length).to.be.greaterThan(100);
    for (const word of exceptions.filter((_, i) => i % 25 === 0)) {
      expect(englishWords.has(word) || leftOut.has(word), word).to.equal(true);
      expect(readsAsSpanish(word, tables), word).to.equal(true);
      expect(spanish(word), word).to.equal(false);
    }
  });
});

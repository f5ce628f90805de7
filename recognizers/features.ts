// TF-IDF features over normalised text: stemmed words and word pairs (meaning), character n-grams
// inside words (typos, word forms the corpus never saw). Each group is L2-normalised on its own so
// neither drowns the other.
import { type LanguageNormalization, stem } from './normalize';

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface FeatureOptions {
  /** Character n-gram lengths inside words, padded with a space on each side. */
  charMin: number;
  charMax: number;
  /** A feature must occur in at least this many training messages. */
  minDf: number;
  /** Relative weight of the character group against the word group. */
  charWeight: number;
  /** The messages' language when not English: its stemmer and its texting shorthand. */
  normalization?: LanguageNormalization;
}

export const defaultFeatureOptions: FeatureOptions = { charMin: 2, charMax: 5, minDf: 2, charWeight: 1 };

const WORD = 0;
const CHAR = 1;
type Group = typeof WORD | typeof CHAR;

/**
 * The features of a message, in a fixed order (vector norms are summed in it): per token its stem,
 * the stem pair with the previous token, then the token's character n-grams (`grams`); then the last
 * stem with the end. Training reads the strings; vectorising reads a token's n-grams from a cache.
 */
function eachTerm(
  tokens: string[],
  stemOf: (token: string) => string,
  word: (key: string) => void,
  grams: (token: string) => void,
): void {
  let previous = '^';
  for (const token of tokens) {
    const stemmed = stemOf(token);
    word(stemmed);
    word(`${previous} ${stemmed}`);
    previous = stemmed;
    grams(token);
  }
  if (tokens.length > 0) word(`${previous} $`);
}

/** A token's character n-grams inside the word, padded with a space on each side. */
function eachCharGram(token: string, options: FeatureOptions, visit: (gram: string) => void): void {
  const padded = ` ${token} `;
  for (let n = options.charMin; n <= options.charMax; n++) {
    for (let i = 0; i + n <= padded.length; i++) visit(padded.substr(i, n));
  }
}

/** Calls `visit` with every feature string of a message (repeats included), by group. */
function eachFeature(
  tokens: string[],
  options: FeatureOptions,
  visit: (group: Group, key: string) => void,
): void {
  const language = options.normalization?.language;
  eachTerm(
    tokens,
    (token) => stem(token, language),
    (key) => visit(WORD, key),
    (token) => eachCharGram(token, options, (gram) => visit(CHAR, gram)),
  );
}

/** Tokens remembered per feature space; bounded so a stream of gibberish cannot grow it without limit. */
const REMEMBERED_TOKENS = 20_000;

export interface FeatureSpaceSnapshot {
  options: FeatureOptions;
  words: [string, number][];
  chars: [string, number][];
  idf: number[];
}

export class FeatureSpace {
  private readonly index: [Map<string, number>, Map<string, number>];
  private readonly idf: Float32Array;
  /** Scratch term counts, reused by every vectorize call so a message allocates almost nothing. */
  private readonly counts: Float64Array;
  private readonly touched: Int32Array;
  /**
   * Each token's known character n-grams, as feature numbers: patrons' words come back all the time,
   * so a token's n-grams are looked up once, not on every message (its stem is memoised by `stem`).
   */
  private readonly tokenGrams = new Map<string, Int32Array>();
  readonly size: number;

  private constructor(
    readonly options: FeatureOptions,
    index: [Map<string, number>, Map<string, number>],
    idf: Float32Array,
  ) {
    this.index = index;
    this.idf = idf;
    this.size = idf.length;
    this.counts = new Float64Array(idf.length);
    this.touched = new Int32Array(4096);
  }

  private gramsOf(token: string): Int32Array {
    let known = this.tokenGrams.get(token);
    if (!known) {
      const grams: number[] = [];
      eachCharGram(token, this.options, (gram) => {
        const i = this.index[CHAR].get(gram);
        if (i !== undefined) grams.push(i);
      });
      known = Int32Array.from(grams);
      if (this.tokenGrams.size >= REMEMBERED_TOKENS) this.tokenGrams.clear();
      this.tokenGrams.set(token, known);
    }
    return known;
  }

  /** What a trained feature space is, as plain data (for the model cache). */
  toSnapshot(): FeatureSpaceSnapshot {
    return {
      options: this.options,
      words: [...this.index[WORD].entries()],
      chars: [...this.index[CHAR].entries()],
      idf: Array.from(this.idf),
    };
  }

  static fromSnapshot(snapshot: FeatureSpaceSnapshot): FeatureSpace {
    const index: [Map<string, number>, Map<string, number>] = [new Map(), new Map()];
    index[WORD] = new Map(snapshot.words);
    index[CHAR] = new Map(snapshot.chars);
    return new FeatureSpace(snapshot.options, index, Float32Array.from(snapshot.idf));
  }

  /** Builds the vocabulary and IDF weights from tokenised training messages. */
  static fit(documents: string[][], options: FeatureOptions = defaultFeatureOptions): FeatureSpace {
    const df: [Map<string, number>, Map<string, number>] = [new Map(), new Map()];
    const seen: [Set<string>, Set<string>] = [new Set(), new Set()];
    for (const tokens of documents) {
      seen[WORD].clear();
      seen[CHAR].clear();
      eachFeature(tokens, options, (g, key) => {
        if (seen[g].has(key)) return;
        seen[g].add(key);
        df[g].set(key, (df[g].get(key) ?? 0) + 1);
      });
    }
    const index: [Map<string, number>, Map<string, number>] = [new Map(), new Map()];
    const idf: number[] = [];
    const n = documents.length;
    for (const g of [WORD, CHAR]) {
      // Sorted so feature numbering, and so training, never depends on insertion order.
      const keys = [...df[g].entries()]
        .filter(([, count]) => count >= options.minDf)
        .sort((a, b) => (a[0] < b[0] ? -1 : 1));
      for (const [key, count] of keys) {
        index[g].set(key, idf.length);
        idf.push(Math.log((1 + n) / (1 + count)) + 1);
      }
    }
    return new FeatureSpace(options, index, Float32Array.from(idf));
  }

  /** Sublinear TF x IDF, each group L2-normalised, unknown features ignored. */
  vectorize(tokens: string[]): SparseVector {
    const { counts, touched } = this;
    // Word features fill `touched` from the front, character features from the back.
    let words = 0;
    let chars = 0;
    const half = touched.length >> 1;
    const add = (g: Group, i: number | undefined) => {
      if (i === undefined) return;
      if (counts[i] === 0) {
        if (g === WORD) {
          if (words >= half) return;
          touched[words++] = i;
        } else {
          if (chars >= half) return;
          touched[touched.length - 1 - chars++] = i;
        }
      }
      counts[i]++;
    };
    const language = this.options.normalization?.language;
    eachTerm(
      tokens,
      (token) => stem(token, language),
      (key) => add(WORD, this.index[WORD].get(key)),
      (token) => {
        for (const i of this.gramsOf(token)) add(CHAR, i);
      },
    );
    const indices = new Int32Array(words + chars);
    const values = new Float32Array(words + chars);
    const fill = (from: number, count: number, at: number, step: number, weight: number) => {
      let norm = 0;
      for (let k = 0; k < count; k++) {
        const i = touched[at + k * step];
        const v = (1 + Math.log(counts[i])) * this.idf[i];
        counts[i] = 0;
        indices[from + k] = i;
        values[from + k] = v;
        norm += v * v;
      }
      if (norm > 0) for (let k = 0; k < count; k++) values[from + k] *= weight / Math.sqrt(norm);
    };
    fill(0, words, 0, 1, 1);
    fill(words, chars, touched.length - 1, -1, this.options.charWeight);
    return { indices, values };
  }
}

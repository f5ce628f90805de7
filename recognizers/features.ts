// TF-IDF features over normalised text: stemmed words and word pairs (meaning), character n-grams
// inside words (typos, word forms the corpus never saw). Each group is L2-normalised on its own so
// neither drowns the other.
import { stem } from './normalize';

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
  /** Also pairs of words with one word between them ("renew _ book"). */
  skipBigrams: boolean;
  /** Also the unstemmed word when stemming changed it. */
  rawWords: boolean;
}

export const defaultFeatureOptions: FeatureOptions = {
  charMin: 2,
  charMax: 5,
  minDf: 1,
  charWeight: 1,
  skipBigrams: false,
  rawWords: false,
};

const WORD = 0;
const CHAR = 1;

/** The feature strings of one message, with counts, split into the word and character groups. */
function countTerms(tokens: string[], options: FeatureOptions): [Map<string, number>, Map<string, number>] {
  const words = new Map<string, number>();
  const chars = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  let previous = '^';
  let beforePrevious = '';
  for (const token of tokens) {
    const stemmed = stem(token);
    add(words, stemmed);
    add(words, `${previous} ${stemmed}`);
    if (options.skipBigrams && beforePrevious) add(words, `${beforePrevious} _ ${stemmed}`);
    if (options.rawWords && token !== stemmed) add(words, `=${token}`);
    beforePrevious = previous;
    previous = stemmed;
    const padded = ` ${token} `;
    for (let n = options.charMin; n <= options.charMax; n++) {
      for (let i = 0; i + n <= padded.length; i++) add(chars, padded.substr(i, n));
    }
  }
  if (tokens.length > 0) add(words, `${previous} $`);
  return [words, chars];
}

export class FeatureSpace {
  private readonly index: [Map<string, number>, Map<string, number>];
  private readonly idf: Float32Array;
  readonly size: number;

  private constructor(
    readonly options: FeatureOptions,
    index: [Map<string, number>, Map<string, number>],
    idf: Float32Array,
  ) {
    this.index = index;
    this.idf = idf;
    this.size = idf.length;
  }

  /** Builds the vocabulary and IDF weights from tokenised training messages. */
  static fit(documents: string[][], options: FeatureOptions = defaultFeatureOptions): FeatureSpace {
    const df: [Map<string, number>, Map<string, number>] = [new Map(), new Map()];
    for (const tokens of documents) {
      const groups = countTerms(tokens, options);
      for (const g of [WORD, CHAR]) {
        for (const key of groups[g].keys()) df[g].set(key, (df[g].get(key) ?? 0) + 1);
      }
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
    const groups = countTerms(tokens, this.options);
    const indices: number[] = [];
    const values: number[] = [];
    for (const g of [WORD, CHAR]) {
      const start = indices.length;
      let norm = 0;
      for (const [key, count] of groups[g]) {
        const i = this.index[g].get(key);
        if (i === undefined) continue;
        const v = (1 + Math.log(count)) * this.idf[i];
        indices.push(i);
        values.push(v);
        norm += v * v;
      }
      if (norm > 0) {
        const scale = (g === CHAR ? this.options.charWeight : 1) / Math.sqrt(norm);
        for (let k = start; k < values.length; k++) values[k] *= scale;
      }
    }
    return { indices: Int32Array.from(indices), values: Float32Array.from(values) };
  }
}

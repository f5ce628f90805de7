// A large sorted word list kept small in memory: front-coded (each word stored as how many leading
// letters it shares with the word before it, one character, then the rest), with a full word every
// BLOCK words so a look-up is a binary search over those and a short scan. 626,000 Spanish words take
// 2.4 MB of bytes this way (kept as the unpacked Buffer, no copy), against some 40 MB as a Set of strings.

/** Words per block: the scan after the binary search reads at most this many. */
const BLOCK = 64;
/** The longest shared prefix one character can say ('0' + 0 ... '0' + 40). */
const MAX_SHARED = 40;
const NEWLINE = 10;

/** The front-coded text of a list of lower-case a-z words (sorted and deduplicated here). */
export function encodeWordTable(words: Iterable<string>): string {
  const sorted = [...new Set(words)].sort();
  const lines: string[] = [];
  let previous = '';
  sorted.forEach((word, i) => {
    let shared = 0;
    if (i % BLOCK !== 0)
      while (shared < MAX_SHARED && shared < previous.length && previous[shared] === word[shared]) shared++;
    lines.push(String.fromCharCode(48 + shared) + word.slice(shared));
    previous = word;
  });
  return lines.join('\n');
}

export class WordTable {
  /** Where each block's first line starts in `bytes`. */
  private readonly blocks: Uint32Array;
  /** How many words the table holds. */
  readonly size: number;

  /** `bytes`: encodeWordTable's text in latin1 (one byte a character). */
  constructor(private readonly bytes: Buffer) {
    const starts: number[] = bytes.length ? [0] : [];
    let line = bytes.length ? 1 : 0;
    // A plain byte loop: 626,000 native indexOf calls cost more time and memory.
    for (let at = 0; at < bytes.length - 1; at++) {
      if (bytes[at] !== NEWLINE) continue;
      if (line % BLOCK === 0) starts.push(at + 1);
      line++;
    }
    this.blocks = Uint32Array.from(starts);
    this.size = line;
  }

  has(word: string): boolean {
    let low = 0;
    let high = this.blocks.length - 1;
    if (high < 0 || word < this.head(0)) return false;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.head(middle) <= word) low = middle;
      else high = middle - 1;
    }
    let at = this.blocks[low];
    let current = '';
    for (let i = 0; i < BLOCK && at < this.bytes.length; i++) {
      const line = this.lineAt(at);
      current = current.slice(0, line.charCodeAt(0) - 48) + line.slice(1);
      if (current === word) return true;
      if (current > word) return false;
      at += line.length + 1;
    }
    return false;
  }

  /** A block's first word (stored whole). */
  private head(block: number): string {
    return this.lineAt(this.blocks[block]).slice(1);
  }

  private lineAt(start: number): string {
    const end = this.bytes.indexOf(NEWLINE, start);
    return this.bytes.toString('latin1', start, end < 0 ? this.bytes.length : end);
  }
}

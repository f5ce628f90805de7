// Age ranges as event feeds write them ("Ages 1-3", "Ages 18+", "for children three to five"), read
// without anything else of ours so the program model can use them.

/** The oldest age a range "and up" reaches. */
export const OLDEST = 120;

/** Ages as a feed writes them, inclusive: "Ages 1-3" is { min: 1, max: 3 }; "18+" has max OLDEST. */
export interface WrittenAges {
  min: number;
  max: number;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
};
const NUMBER = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;
const value = (said: string) => NUMBER_WORDS[said] ?? Number(said);

/**
 * An age range written in a category or a description, inclusive as written: "Ages 1-3" is
 * { min: 1, max: 3 }; also "ages 6 to 12", "Ages 18+", "18 and up" (max OLDEST), "children three to
 * five", "babies up to two", "under 5" (max 4).
 */
export function readAgeRange(text: string): WrittenAges | undefined {
  const lower = text.toLowerCase().replace(/[–—]/g, '-');
  let m = new RegExp(`\\bages? ${NUMBER} ?(?:-|to|through) ?${NUMBER}\\b`).exec(lower);
  if (m) return { min: value(m[1]), max: value(m[2]) };
  m = new RegExp(`\\b(?:ages? )?${NUMBER} ?(?:\\+|and (?:up|older|over)|or older)`).exec(lower);
  if (m) return { min: value(m[1]), max: OLDEST };
  m = new RegExp(
    `\\b(?:children|kids|babies|toddlers|teens) (?:aged? )?${NUMBER} (?:-|to|through) ${NUMBER}\\b`,
  ).exec(lower);
  if (m) return { min: value(m[1]), max: value(m[2]) };
  m = new RegExp(`\\b(up to|under) (?:age )?${NUMBER}\\b`).exec(lower);
  if (m) return { min: 0, max: value(m[2]) - (m[1] === 'under' ? 1 : 0) };
  return undefined;
}

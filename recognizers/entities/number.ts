// A number the patron typed, usually to pick from a numbered list ("2", "#3", "the second one").
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  '5th': 5,
};
const FILLER = new Set([
  'number',
  'no',
  'option',
  'item',
  'choice',
  'the',
  'one',
  '#',
  'pick',
  'choose',
  'please',
  'ok',
  'hold',
  'cancel',
  'that',
  'is',
  'i',
  'want',
]);

/**
 * A bare choice: the message is a number, or a number with a few filler words ("number 2",
 * "option #3", "the second one"). Numbers inside sentences ("my 5 year old") are not choices.
 */
export function findNumber(tokens: string[]): number | undefined {
  if (tokens.length === 0 || tokens.length > 4) return undefined;
  let found: number | undefined;
  for (const raw of tokens) {
    const token = raw.replace(/^#/, '');
    if (/^\d{1,3}$/.test(token)) {
      if (found !== undefined) return undefined;
      found = Number(token);
    } else if (ORDINALS[token] !== undefined && !(token === 'one' && found !== undefined)) {
      if (found !== undefined) return undefined;
      found = ORDINALS[token];
    } else if (!FILLER.has(token)) return undefined;
  }
  return found;
}

// Finding card numbers and PINs in what a patron typed, and masking them, for every place that keeps or
// shows text: logs, dialog state, recent turns and staff summaries, transcripts, Direct Line history.
// A card number is 8 to 20 digits, contiguous or in groups ("2100 0000 0000 01", "2100-0000-0000-01");
// a PIN is what follows the word PIN ("pin 2468", "PIN: 1 3 5 7", "my pin is Kx7canary93"), or a short
// number standing beside a card number ("21000000000001 2468").
import { looksLikeCardNumber, maskCardNumber, normalizeCardNumber } from './cardNumbers';

/** What replaces a PIN in text anyone may see. */
export const PIN_MASK = '[PIN withheld]';
/** What replaces a whole answer that was a card number (not even the last four digits). */
export const CARD_ANSWER_MASK = '[card number withheld]';
/** What replaces any other long number in text the bot keeps to read again. */
export const NUMBER_MASK = '[number]';

const MIN_CARD_DIGITS = 8;
const MAX_CARD_DIGITS = 20;

/**
 * Digits in groups of any size, joined by one space or dash. Not glued to letters or other
 * punctuation-joined parts, so identifiers ("case-123456789", UUIDs), decimals and times stay whole.
 */
const DIGIT_RUN =
  /(?<![\p{L}\p{N}])(?<![\p{L}\p{N}][-.:/])\d+(?:[ -]\d+)*(?![\p{L}\p{N}])(?![-.:/][\p{L}\p{N}])/gu;
/** Dates and phone numbers in groups are not card numbers: 2026-11-30, 11-30-2026, 555-010-2000. */
const NOT_A_CARD = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4}|(?:1[ -])?\d{3}[ -]\d{3}[ -]\d{4})$/;
/** A PIN's value: digits, maybe spaced ("1 3 5 7"), or one word with a digit in it ("Kx7canary93"). */
const PIN_VALUE = String.raw`(?:\d(?:[ -]?\d){2,11}(?![\p{L}\p{N}])|[\p{L}\p{N}]*\d[\p{L}\p{N}]*)`;
const PIN_WORD = String.raw`\b(?:pin(?:\s*(?:number|code|no\.?|#))?|pincode|passcode|password)`;
const PIN_AFTER_WORD = new RegExp(
  String.raw`(${PIN_WORD})((?:\s*(?:is|was|=|:|-)\s*|\s+)+)(${PIN_VALUE})`,
  'giu',
);

export interface FoundSecret {
  kind: 'card' | 'pin';
  start: number;
  end: number;
  /** The card number or PIN as typed. */
  text: string;
}

/** A number found in free text: a card number, a short one (a PIN beside a card), or any other. */
type FoundNumber = Omit<FoundSecret, 'kind'> & { kind: 'card' | 'short' | 'other' };

/** Card numbers and PINs in free text, in order, without overlaps. */
export function findSecrets(text: string): FoundSecret[] {
  // Card numbers and PINs alike carry an ASCII digit (\d is 0-9 only): most messages have none.
  if (!/[0-9]/.test(text)) return [];
  const found: FoundSecret[] = [];
  for (const match of text.matchAll(PIN_AFTER_WORD)) {
    const start = (match.index ?? 0) + match[1].length + match[2].length;
    found.push({ kind: 'pin', start, end: start + match[3].length, text: match[3] });
  }
  const free = (n: FoundNumber) => !found.some((f) => n.start < f.end && f.start < n.end);
  const numbers = [...text.matchAll(DIGIT_RUN)]
    .filter((run) => !NOT_A_CARD.test(run[0]))
    .flatMap((run) => numbersIn(run[0], run.index ?? 0))
    .filter(free);
  const cards = numbers.filter((n) => n.kind === 'card');
  found.push(...cards.map((n) => ({ ...n, kind: 'card' as const })));
  // Beside a card number, a short number is most likely its PIN ("21000000000001 2468").
  if (cards.length > 0)
    found.push(...numbers.filter((n) => n.kind === 'short').map((n) => ({ ...n, kind: 'pin' as const })));
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Splits one run of digit groups into numbers: a group of eight or more digits is a card number on
 * its own; shorter groups together make one when they add up to 8-20 digits ("2100 0000 0000 01").
 * Past 16 digits a last group of 3-8 is taken off as a number of its own, so a PIN typed after a
 * spaced card number is never shown as the card's "last four".
 */
function numbersIn(run: string, offset: number): FoundNumber[] {
  const groups = [...run.matchAll(/\d+/g)].map((m) => ({ start: offset + (m.index ?? 0), digits: m[0] }));
  const found: FoundNumber[] = [];
  const add = (part: typeof groups) => {
    if (part.length === 0) return;
    const digits = part.map((g) => g.digits).join('');
    const last = part[part.length - 1];
    const tail = last.digits.length;
    if (
      part.length > 1 &&
      digits.length > 16 &&
      tail >= 3 &&
      tail <= 8 &&
      digits.length - tail >= MIN_CARD_DIGITS
    ) {
      add(part.slice(0, -1));
      add([last]);
      return;
    }
    const start = part[0].start;
    const end = last.start + tail;
    const text = run.slice(start - offset, end - offset);
    if (digits.length >= MIN_CARD_DIGITS && digits.length <= MAX_CARD_DIGITS)
      found.push({ kind: 'card', start, end, text });
    else
      for (const g of part)
        found.push({
          kind: g.digits.length >= 3 && g.digits.length <= 8 ? 'short' : 'other',
          start: g.start,
          end: g.start + g.digits.length,
          text: g.digits,
        });
  };
  let pending: typeof groups = [];
  for (const group of groups) {
    if (group.digits.length >= MIN_CARD_DIGITS) {
      add(pending);
      add([group]);
      pending = [];
    } else pending.push(group);
  }
  add(pending);
  return found;
}

/** The text with card numbers masked to their last four digits and PINs replaced. */
export function maskSensitiveText(text: string): string {
  return replaceFound(text, findSecrets(text), (f) =>
    f.kind === 'card' ? maskCardNumber(f.text) : PIN_MASK,
  );
}

/**
 * For text the bot keeps in dialog state to read again: card numbers and PINs masked as above, and
 * every other number of four or more digits too (a PIN typed without the word "PIN" looks like any
 * number; nothing the bot re-reads needs one).
 */
export function maskNumbersIn(text: string): string {
  return maskSensitiveText(text).replace(/(?<![\p{L}\p{N}*])\d(?:[ -]?\d){3,}(?![\p{N}])/gu, NUMBER_MASK);
}

/** Whether free text carries a card number or a PIN. */
export function containsSecrets(text: string): boolean {
  return findSecrets(text).length > 0;
}

/**
 * The card number and PIN a patron typed in one message: "21000000000001 2468", "D2000012345
 * Kx7canary93", "my card is 21000000000001 and pin 2468". Either may be absent.
 */
export function credentialsIn(text: string): { cardNumber?: string; pin?: string } {
  const words = text.trim().split(/\s+/);
  if (words.length === 2 && looksLikeCardNumber(words[0]) && looksLikePin(words[1]))
    return { cardNumber: normalizeCardNumber(words[0]), pin: words[1] };
  const found = findSecrets(text);
  const cards = found.filter((f) => f.kind === 'card');
  const pins = found.filter((f) => f.kind === 'pin');
  return {
    ...(cards.length === 1 ? { cardNumber: normalizeCardNumber(cards[0].text) } : {}),
    ...(pins.length === 1 ? { pin: pins[0].text.replace(/[ -]/g, '') } : {}),
  };
}

/**
 * Is this whole message shaped like a PIN: one word of 3-20 letters and digits with a digit in it
 * ("2468", "Kx7canary93"), or digits typed spaced or dashed ("1 3 5 7", "24-68")?
 */
export function looksLikePin(text: string): boolean {
  const said = text.trim();
  return /^\d(?:[ -]?\d){2,11}$/.test(said) || /^(?=[\p{L}\p{N}]*\d)[\p{L}\p{N}]{3,20}$/u.test(said);
}

/** The PIN in an answer to the PIN question: the PIN-shaped answer itself, or the one PIN in a sentence. */
export function pinIn(answer: string): string | undefined {
  const said = answer.trim();
  if (looksLikePin(said)) return said.replace(/[ -]/g, '');
  const named = findSecrets(said).filter((f) => f.kind === 'pin');
  if (named.length === 1) return named[0].text.replace(/[ -]/g, '');
  const runs = said.match(/\d(?:[ -]?\d){3,11}/g) ?? [];
  return runs.length === 1 ? runs[0].replace(/[ -]/g, '') : undefined;
}

function replaceFound(text: string, found: FoundSecret[], by: (found: FoundSecret) => string): string {
  let out = '';
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + by(f);
    at = f.end;
  }
  return out + text.slice(at);
}

/** The card number in an answer to the card question: the whole answer, or the one card number in it. */
export function cardNumberIn(answer: string): string | undefined {
  if (looksLikeCardNumber(answer)) return normalizeCardNumber(answer.trim());
  const cards = findSecrets(answer).filter((f) => f.kind === 'card');
  return cards.length === 1 ? normalizeCardNumber(cards[0].text) : undefined;
}

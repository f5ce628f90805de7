// What staff may see of a conversation: the minimum, card numbers masked, never a PIN.
import type { StaffSummary } from './types';

/** One turn of the recent conversation, as the bot layer keeps it. */
export interface ConversationTurn {
  from: 'patron' | 'bot';
  text: string;
  /** The turn carried a PIN or other secret: it never leaves the bot. */
  sensitive?: boolean;
}

// Library card barcodes are usually 14 digits, sometimes in groups; 8 or more digits are masked.
const cardNumberPattern = /\b\d(?:[ -]?\d){7,18}\b/g;
// "pin 1234", "my pin is 1234", "PIN: 1234": the digits after the word go.
const pinPattern = /\b(pin(?:\s*(?:number|code))?)(\s*(?:is|=|:|was)?\s*)\d{3,8}\b/gi;

export function maskCardNumbers(text: string): string {
  return text.replace(cardNumberPattern, (match) => {
    const digits = match.replace(/\D/g, '');
    return `••••${digits.slice(-4)}`;
  });
}

export function redactForStaff(text: string): string {
  return maskCardNumbers(
    text.replace(pinPattern, (_m, word: string, gap: string) => `${word}${gap}[removed]`),
  );
}

export interface SummaryInput {
  turns: ConversationTurn[];
  intent?: string;
  branch?: string;
  signedIn: boolean;
  reason: string;
  /** How many recent turns staff get (the rest is not needed to pick up the conversation). */
  maxTurns?: number;
}

export function buildStaffSummary(input: SummaryInput): StaffSummary {
  const turns = input.turns.filter((t) => !t.sensitive).slice(-(input.maxTurns ?? 6));
  return {
    recentTurns: turns.map((t) => ({ from: t.from, text: redactForStaff(t.text).slice(0, 500) })),
    intent: input.intent,
    branch: input.branch,
    signedIn: input.signedIn,
    reason: input.reason,
  };
}

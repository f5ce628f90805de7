// What staff may see of a conversation: the minimum, card numbers masked, never a PIN.
import { maskSensitiveText } from '../privacy';
import type { StaffSummary } from './types';

/** One turn of the recent conversation, as the bot layer keeps it. */
export interface ConversationTurn {
  from: 'patron' | 'bot';
  text: string;
  /** The turn carried a PIN or other secret: it never leaves the bot. */
  sensitive?: boolean;
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
    recentTurns: turns.map((t) => ({ from: t.from, text: maskSensitiveText(t.text).slice(0, 500) })),
    intent: input.intent,
    branch: input.branch,
    signedIn: input.signedIn,
    reason: input.reason,
  };
}

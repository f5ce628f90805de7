// Keeps a patron's PIN (and the full card number) out of everything that records a turn: logs,
// transcripts, recent turns for staff, dialog state and the built-in Direct Line's history. Every
// message is screened here, first by the first middleware on the adapter and, for the Direct Line
// history, by the same call from the server. The screening rests on two things only: whether this
// conversation's sign-in dialog has a card-number or PIN question open (it arms the gate when it asks
// and closes it when it reads the answer), and what the text itself contains. Never on which activity
// came before: a `typing` activity between the card number and the PIN changes nothing.
import {
  CARD_ANSWER_MASK,
  containsSecrets,
  looksLikeCardNumber,
  looksLikePin,
  maskSensitiveText,
  PIN_MASK,
} from '../privacy';

export type SensitiveKind = 'card' | 'pin';

export interface WithheldInput {
  /**
   * 'card' or 'pin': the whole message is one (the answer to that question, or typed again just
   * after a sign-in ended). 'message': a message of its own that carries a card number or PIN; it is
   * shown with them masked.
   */
  kind: SensitiveKind | 'message';
  /** The raw text the patron sent; use it once, keep it nowhere. */
  raw: string;
  /** No question was open: it came soon after a sign-in ended without one (a lock, a new topic). */
  unasked?: boolean;
}

export interface ScreenedText {
  /** What loggers, transcripts, staff, dialog state and history may keep. */
  visibleText: string;
  withheld?: WithheldInput;
}

export interface SensitiveInputGateOptions {
  /** An armed gate is forgotten after this long (default 30 minutes). */
  ttlMs?: number;
  /**
   * After the sign-in stops waiting without a sign-in (a lock, a new topic at the PIN question), a
   * message shaped like a PIN or card number is still withheld for this long (default 10 minutes).
   */
  afterSignInMs?: number;
  now?: () => number;
}

interface GateEntry {
  /** The question open now, if any. */
  open?: SensitiveKind;
  /** When a card-number or PIN question was last asked. */
  askedAt: number;
}

export class SensitiveInputGate {
  private readonly entries = new Map<string, GateEntry>();
  private readonly ttlMs: number;
  private readonly afterSignInMs: number;
  private readonly now: () => number;

  constructor(options: SensitiveInputGateOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.afterSignInMs = options.afterSignInMs ?? 10 * 60_000;
    this.now = options.now ?? (() => Date.now());
  }

  /** The sign-in dialog asked for a card number or a PIN in this conversation. */
  expect(conversationKey: string, kind: SensitiveKind): void {
    this.entries.set(conversationKey, { open: kind, askedAt: this.now() });
    for (const [key, entry] of this.entries) {
      if (this.now() - entry.askedAt > this.ttlMs) this.entries.delete(key);
    }
  }

  /** The question was answered or dropped; PIN-shaped messages are still withheld for a while. */
  clear(conversationKey: string): void {
    const entry = this.entries.get(conversationKey);
    if (entry) entry.open = undefined;
  }

  /** Signed in (or signed out): nothing is expected any more. */
  forget(conversationKey: string): void {
    this.entries.delete(conversationKey);
  }

  /** The question open in this conversation, if any. */
  expected(conversationKey: string): SensitiveKind | undefined {
    return this.entry(conversationKey)?.open;
  }

  /** What others may see of a message in this conversation, and the raw input to withhold, if any. */
  screen(conversationKey: string, text: string): ScreenedText {
    const entry = this.entry(conversationKey);
    if (entry?.open) {
      const answer = screenAnswer(entry.open, text);
      if (answer.withheld) return answer;
    }
    if (entry && !entry.open && this.now() - entry.askedAt <= this.afterSignInMs) {
      const kind = looksLikeCardNumber(text) ? 'card' : looksLikePin(text) ? 'pin' : undefined;
      if (kind) {
        const visibleText = kind === 'pin' ? PIN_MASK : CARD_ANSWER_MASK;
        return { visibleText, withheld: { kind, raw: text.trim(), unasked: true } };
      }
    }
    if (containsSecrets(text)) {
      return { visibleText: maskSensitiveText(text), withheld: { kind: 'message', raw: text } };
    }
    return { visibleText: text };
  }

  private entry(conversationKey: string): GateEntry | undefined {
    const entry = this.entries.get(conversationKey);
    if (entry && this.now() - entry.askedAt > this.ttlMs) {
      this.entries.delete(conversationKey);
      return undefined;
    }
    return entry;
  }
}

/**
 * What may be shown of an answer to the card-number or PIN question, and the raw input to withhold
 * (none when the answer is not shaped like one, so "what time do you close?" passes as a new request).
 * A single word may be a PIN whichever was asked: a patron told the PIN did not match often types it
 * again at the card-number question. So are digits typed spaced ("1 3 5 7"), and a sentence carrying
 * a run of four or more digits ("my pin is 2468"). Nothing of the answer is shown, not even a card's
 * last four digits: "card PIN" in one message would otherwise show the PIN.
 */
export function screenAnswer(kind: SensitiveKind, text: string): ScreenedText {
  const trimmed = text.trim();
  const oneWord = trimmed.length > 0 && trimmed.length <= 64 && !/\s/.test(trimmed);
  const shaped = oneWord || looksLikePin(trimmed) || /\d(?:[ -]?\d){3,}/.test(trimmed);
  if (!shaped) return { visibleText: text };
  return { visibleText: kind === 'pin' ? PIN_MASK : CARD_ANSWER_MASK, withheld: { kind, raw: trimmed } };
}

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

/** Where a conversation's gate stands; the bot keeps it with the conversation's state. */
export interface GateEntry {
  /** The question open now, if any. */
  open?: SensitiveKind;
  /** When a card-number or PIN question was last asked. */
  askedAt: number;
}

/**
 * The gate's rules, over an entry the caller keeps (the bot keeps it in conversation state, so every
 * instance sees the question the sign-in dialog opened, saved together with the dialog itself).
 */
export class SensitiveInputGate {
  private readonly ttlMs: number;
  private readonly afterSignInMs: number;
  private readonly now: () => number;

  constructor(options: SensitiveInputGateOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.afterSignInMs = options.afterSignInMs ?? 10 * 60_000;
    this.now = options.now ?? (() => Date.now());
  }

  /** The entry after the sign-in dialog asked for a card number or a PIN. */
  asked(kind: SensitiveKind): GateEntry {
    return { open: kind, askedAt: this.now() };
  }

  /** The entry after the question was answered or dropped (PIN-shaped messages are still withheld a while). */
  closed(entry: GateEntry | undefined): GateEntry | undefined {
    return entry && { askedAt: entry.askedAt };
  }

  /** The entry if it still counts (an armed gate is forgotten after its time to live). */
  current(entry: GateEntry | undefined): GateEntry | undefined {
    return entry && this.now() - entry.askedAt <= this.ttlMs ? entry : undefined;
  }

  /** What others may see of a message, and the raw input to withhold, if any. */
  screen(stored: GateEntry | undefined, text: string): ScreenedText {
    const entry = this.current(stored);
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

// Keeps a patron's PIN (and the full card number) out of everything that records a turn. When the
// sign-in dialog asks for one, it arms this gate for the conversation; middleware that runs before
// any logger or transcript recorder then takes the raw text out of the incoming message, leaving a
// placeholder, and hands the raw text only to the sign-in dialog, for this one turn.

export type SensitiveKind = 'card' | 'pin';

/** What replaces a PIN in the message everyone else sees (loggers, transcripts, staff). */
export const withheldPinText = '[PIN withheld]';

/** What replaces a typed card number in the message everyone else sees. */
export const withheldCardText = '[card number withheld]';

export interface WithheldInput {
  kind: SensitiveKind;
  /** The raw text the patron sent; use it once, keep it nowhere. */
  raw: string;
}

export interface SensitiveInputGateOptions {
  /** An armed gate is forgotten after this long (default 30 minutes). */
  ttlMs?: number;
  now?: () => number;
}

export class SensitiveInputGate {
  private readonly expecting = new Map<string, { kind: SensitiveKind; at: number }>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: SensitiveInputGateOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.now = options.now ?? (() => Date.now());
  }

  /** The next message in this conversation is a card number or a PIN. */
  expect(conversationKey: string, kind: SensitiveKind): void {
    this.expecting.set(conversationKey, { kind, at: this.now() });
    for (const [key, entry] of this.expecting) {
      if (this.now() - entry.at > this.ttlMs) this.expecting.delete(key);
    }
  }

  clear(conversationKey: string): void {
    this.expecting.delete(conversationKey);
  }

  expected(conversationKey: string): SensitiveKind | undefined {
    const entry = this.expecting.get(conversationKey);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.expecting.delete(conversationKey);
      return undefined;
    }
    return entry.kind;
  }

  /**
   * For an incoming message: what others may see, and the withheld raw input, if this conversation
   * was waiting for one. A PIN is a single word; a sentence ("never mind, talk to a person") is not
   * taken as one unless it carries a run of digits, and passes through, so the patron can still
   * change their mind or ask something else.
   */
  screen(conversationKey: string, text: string): { visibleText: string; withheld?: WithheldInput } {
    const kind = this.expected(conversationKey);
    if (!kind) return { visibleText: text };
    return screenSensitiveText(kind, text);
  }
}

/**
 * What may be shown of an answer to a card-number or PIN question, and the raw input to withhold
 * (none when the answer is not shaped like one). Also used by the built-in Direct Line's history.
 */
export function screenSensitiveText(
  kind: SensitiveKind,
  text: string,
): { visibleText: string; withheld?: WithheldInput } {
  const trimmed = text.trim();
  // A single word may be a PIN (letters allowed) whichever was asked for: a patron told the PIN did
  // not match often types it again at the card-number question. A sentence is withheld only when it
  // carries a run of four or more digits ("my pin is 2468"); otherwise it is a new question ("what
  // time do you close?") and passes through for the bot to answer.
  const oneWord = trimmed.length > 0 && trimmed.length <= 64 && !/\s/.test(trimmed);
  if (!oneWord && !/\d{4,}/.test(trimmed)) return { visibleText: text };
  if (kind === 'pin') return { visibleText: withheldPinText, withheld: { kind, raw: trimmed } };
  // Not even the last four digits, and nothing of a sentence around them: a patron who types
  // "card PIN" in one message, or a short PIN here, would otherwise show the PIN.
  return { visibleText: withheldCardText, withheld: { kind, raw: trimmed } };
}

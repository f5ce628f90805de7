// Signed-in patrons, held on the server and bound to one conversation. Dialogs never keep a patron
// id, card number or PIN in their state: they ask this store for the current conversation's session.
// The PIN passes straight through to the library system and is never kept; failed attempts are
// throttled per card number (by keyed hash) and per conversation.
import type { LibrarySystem, PatronProfile } from '../librarySystem/librarySystem';
import { PatronNotVerifiedError } from '../librarySystem/errors';
import { cardKey, maskCardNumber } from '../privacy';

export interface PatronSignInSettings {
  /** Failed attempts before a lock (config.patronSignIn.maxFailures). */
  maxFailures: number;
  /** How long the first lock lasts; each further lock doubles it, up to 8 times. */
  lockMinutes: number;
  /** A session ends after this long without activity. */
  idleMinutes: number;
}

export interface PatronSessionsOptions {
  librarySystem: LibrarySystem;
  settings: PatronSignInSettings;
  /** Server secret for the keyed hash of card numbers (from the environment, via index.ts). */
  secret: string | Buffer;
  now?: () => number;
}

export interface PatronSession {
  patronId: string;
  name: string;
  homeBranchId: string;
  /** "****0001" */
  maskedCard: string;
  /** Keyed hash of the card number: a stable key for logs and audit. */
  patronKey: string;
  signedInAt: number;
  lastActiveAt: number;
}

export type SignInResult =
  | { ok: true; session: PatronSession; profile: PatronProfile }
  /** Wrong card or PIN (never says which). */
  | { ok: false; reason: 'not-verified'; attemptsLeft: number }
  /** Too many failures for this card number or this conversation. */
  | { ok: false; reason: 'locked'; retryAfterMinutes: number };

export type SessionLookup =
  | { state: 'signed-in'; session: PatronSession }
  /** Was signed in, and the session ended for inactivity (said once, then 'signed-out'). */
  | { state: 'expired' }
  | { state: 'signed-out' };

interface FailureCounter {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number;
  locks: number;
}

const minute = 60_000;
/** How long a typed card number waits for its PIN. */
const pendingCardMs = 10 * minute;

export class PatronSessions {
  private readonly sessions = new Map<string, PatronSession>();
  /** Conversations whose session ended for inactivity, and when (to say so once). */
  private readonly expired = new Map<string, number>();
  private readonly counters = new Map<string, FailureCounter>();
  /** A card number typed in this conversation, waiting for its PIN (memory only, never saved). */
  private readonly pendingCards = new Map<string, { cardNumber: string; at: number }>();
  private readonly now: () => number;

  constructor(private readonly options: PatronSessionsOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * Verifies a card number and PIN for this conversation. May reject with
   * LibrarySystemUnavailableError when the library system is down (a failure that is not counted).
   */
  async signIn(conversationKey: string, cardNumber: string, pin: string): Promise<SignInResult> {
    this.sweep();
    const keys = [`card:${cardKey(cardNumber, this.options.secret)}`, `conversation:${conversationKey}`];
    const lockedUntil = Math.max(...keys.map((k) => this.lockedUntil(k)));
    if (lockedUntil > this.now()) {
      return {
        ok: false,
        reason: 'locked',
        retryAfterMinutes: Math.ceil((lockedUntil - this.now()) / minute),
      };
    }
    let profile: PatronProfile;
    try {
      profile = await this.options.librarySystem.verifyPatron(cardNumber, pin);
    } catch (error) {
      if (!(error instanceof PatronNotVerifiedError)) throw error;
      const counters = keys.map((k) => this.recordFailure(k));
      const locked = Math.max(...counters.map((c) => c.lockedUntil));
      if (locked > this.now()) {
        return { ok: false, reason: 'locked', retryAfterMinutes: Math.ceil((locked - this.now()) / minute) };
      }
      const attemptsLeft = Math.min(...counters.map((c) => this.options.settings.maxFailures - c.failures));
      return { ok: false, reason: 'not-verified', attemptsLeft };
    }
    for (const key of keys) this.counters.delete(key);
    const session = this.bindVerifiedPatron(conversationKey, profile, cardNumber);
    return { ok: true, session, profile };
  }

  /**
   * Starts a session for a patron some other step has authenticated (the library's single sign-on),
   * bound to this conversation. `identifier` is the card number or patron id: only masked and keyed.
   */
  bindVerifiedPatron(conversationKey: string, profile: PatronProfile, identifier: string): PatronSession {
    const now = this.now();
    const session: PatronSession = {
      patronId: profile.patronId,
      name: profile.name,
      homeBranchId: profile.homeBranchId,
      maskedCard: maskCardNumber(identifier),
      patronKey: cardKey(identifier, this.options.secret),
      signedInAt: now,
      lastActiveAt: now,
    };
    this.sessions.set(conversationKey, session);
    this.expired.delete(conversationKey);
    this.pendingCards.delete(conversationKey);
    return session;
  }

  /**
   * Holds the card number the patron just typed until the PIN arrives on the next turn, so the card
   * number never has to sit in dialog state (which is saved to storage).
   */
  rememberCard(conversationKey: string, cardNumber: string): void {
    this.pendingCards.set(conversationKey, { cardNumber, at: this.now() });
  }

  /** Drops a typed card number that no PIN will follow (the patron stopped). */
  forgetPendingCard(conversationKey: string): void {
    this.pendingCards.delete(conversationKey);
  }

  /** Whether a card number is waiting for its PIN in this conversation. */
  hasPendingCard(conversationKey: string): boolean {
    const pending = this.pendingCards.get(conversationKey);
    return pending !== undefined && this.now() - pending.at < pendingCardMs;
  }

  /**
   * Completes a sign-in with the card number remembered for this conversation. Undefined when there
   * is none (it expired, or the server restarted): ask for the card number again.
   */
  async signInWithPin(conversationKey: string, pin: string): Promise<SignInResult | undefined> {
    const pending = this.pendingCards.get(conversationKey);
    this.pendingCards.delete(conversationKey);
    if (!pending || this.now() - pending.at >= pendingCardMs) return undefined;
    return this.signIn(conversationKey, pending.cardNumber, pin);
  }

  /** The conversation's session, if any; a live session's idle clock restarts. */
  lookup(conversationKey: string): SessionLookup {
    const session = this.sessions.get(conversationKey);
    if (session && this.isIdle(session)) {
      this.sessions.delete(conversationKey);
      this.expired.set(conversationKey, this.now());
    }
    const live = this.sessions.get(conversationKey);
    if (live) {
      live.lastActiveAt = this.now();
      return { state: 'signed-in', session: live };
    }
    if (this.expired.delete(conversationKey)) return { state: 'expired' };
    return { state: 'signed-out' };
  }

  /** Ends the conversation's session; true when there was one. */
  signOut(conversationKey: string): boolean {
    this.expired.delete(conversationKey);
    this.pendingCards.delete(conversationKey);
    return this.sessions.delete(conversationKey);
  }

  /** How many sessions are live (for health pages; carries no patron data). */
  get size(): number {
    this.sweep();
    return this.sessions.size;
  }

  private isIdle(session: PatronSession): boolean {
    return this.now() - session.lastActiveAt >= this.options.settings.idleMinutes * minute;
  }

  private lockedUntil(key: string): number {
    return this.counters.get(key)?.lockedUntil ?? 0;
  }

  private recordFailure(key: string): FailureCounter {
    const { maxFailures, lockMinutes } = this.options.settings;
    const now = this.now();
    const counter = this.counters.get(key) ?? { failures: 0, firstFailureAt: now, lockedUntil: 0, locks: 0 };
    // Failures older than one lock period are forgotten, so an occasional typo never adds up to a lock.
    if (now - counter.firstFailureAt > lockMinutes * minute) {
      counter.failures = 0;
      counter.firstFailureAt = now;
    }
    counter.failures += 1;
    if (counter.failures >= maxFailures) {
      counter.locks += 1;
      counter.lockedUntil = now + lockMinutes * minute * Math.min(2 ** (counter.locks - 1), 8);
      counter.failures = 0;
      counter.firstFailureAt = now;
    }
    this.counters.set(key, counter);
    return counter;
  }

  /** Drops idle sessions and stale counters so memory does not grow with every visitor. */
  private sweep(): void {
    const now = this.now();
    for (const [key, session] of this.sessions) {
      if (this.isIdle(session)) {
        this.sessions.delete(key);
        this.expired.set(key, now);
      }
    }
    for (const [key, pending] of this.pendingCards) {
      if (now - pending.at >= pendingCardMs) this.pendingCards.delete(key);
    }
    for (const [key, at] of this.expired) {
      if (now - at > 24 * 60 * minute) this.expired.delete(key);
    }
    const forgetAfter = this.options.settings.lockMinutes * minute * 16;
    for (const [key, counter] of this.counters) {
      if (counter.lockedUntil < now && now - counter.firstFailureAt > forgetAfter) this.counters.delete(key);
    }
  }
}

// Signed-in patrons, held on the server and bound to one conversation. Dialogs never keep a patron
// id, card number or PIN in their state: they ask this store for the current conversation's session.
// The PIN passes straight through to the library system and is never kept. Failed attempts are
// throttled per conversation, per client (the chat user or phone number), per card number on that
// client, and, at much higher counts, per card number and for the whole library: a stranger who knows
// a card number cannot lock its patron out, and one PIN tried against many cards runs out of tries.
import type { LibrarySystem, PatronProfile } from '../librarySystem/librarySystem';
import { PatronNotVerifiedError } from '../librarySystem/errors';
import { cardKey, keyedHash, maskCardNumber } from '../privacy';

export interface PatronSignInSettings {
  /** Failed attempts before a lock (config.patronSignIn.maxFailures). */
  maxFailures: number;
  /** How long the first lock lasts; each further lock doubles it, up to 8 times. */
  lockMinutes: number;
  /** A session ends after this long without activity. */
  idleMinutes: number;
}

/**
 * How many failures each throttle allows before its lock (defaults from maxFailures: a conversation
 * and a card on one client maxFailures, a client 2x, a card from every client 10x with a 4x longer
 * lock, the whole library 4x within one lock period).
 */
export interface SignInThrottles {
  perClient: number;
  perCard: number;
  perCardLockFactor: number;
  global: number;
}

export interface PatronSessionsOptions {
  librarySystem: LibrarySystem;
  settings: PatronSignInSettings;
  throttles?: Partial<SignInThrottles>;
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
  /** Too many failures (this conversation, client, card, or the whole library): the same words for all. */
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

/** One throttle an attempt counts against: its key, how many failures it allows, how long it locks. */
interface Throttle {
  key: string;
  limit: number;
  lockMinutes: number;
  /** Each further lock doubles (up to 8x); a global pause does not grow. */
  backOff: boolean;
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
  private readonly throttles: SignInThrottles;

  constructor(private readonly options: PatronSessionsOptions) {
    this.now = options.now ?? (() => Date.now());
    const max = options.settings.maxFailures;
    this.throttles = {
      perClient: 2 * max,
      perCard: 10 * max,
      perCardLockFactor: 4,
      global: 4 * max,
      ...options.throttles,
    };
  }

  /**
   * Verifies a card number and PIN for this conversation. `client` is who is typing (the channel's
   * user id or phone number; the conversation when unknown). May reject with
   * LibrarySystemUnavailableError when the library system is down (a failure that is not counted).
   */
  async signIn(
    conversationKey: string,
    cardNumber: string,
    pin: string,
    client: string = conversationKey,
  ): Promise<SignInResult> {
    this.sweep();
    const throttles = this.throttlesFor(conversationKey, cardNumber, client);
    const lockedUntil = Math.max(...throttles.map((t) => this.lockedUntil(t.key)));
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
      const counters = throttles.map((t) => ({ throttle: t, counter: this.recordFailure(t) }));
      const locked = Math.max(...counters.map((c) => c.counter.lockedUntil));
      if (locked > this.now()) {
        return { ok: false, reason: 'locked', retryAfterMinutes: Math.ceil((locked - this.now()) / minute) };
      }
      const attemptsLeft = Math.min(...counters.map((c) => c.throttle.limit - c.counter.failures));
      return { ok: false, reason: 'not-verified', attemptsLeft };
    }
    // A success clears this patron's and this client's counters, not the card's or the library's.
    for (const throttle of throttles.slice(0, 3)) this.counters.delete(throttle.key);
    const session = this.bindVerifiedPatron(conversationKey, profile, cardNumber);
    return { ok: true, session, profile };
  }

  /** The throttles one attempt counts against; the first three are cleared by a success. */
  private throttlesFor(conversationKey: string, cardNumber: string, client: string): Throttle[] {
    const { maxFailures, lockMinutes } = this.options.settings;
    const { perClient, perCard, perCardLockFactor, global } = this.throttles;
    const card = cardKey(cardNumber, this.options.secret);
    const who = keyedHash(client, this.options.secret);
    return [
      { key: `conversation:${conversationKey}`, limit: maxFailures, lockMinutes, backOff: true },
      { key: `card-client:${card}:${who}`, limit: maxFailures, lockMinutes, backOff: true },
      { key: `client:${who}`, limit: perClient, lockMinutes, backOff: true },
      { key: `card:${card}`, limit: perCard, lockMinutes: lockMinutes * perCardLockFactor, backOff: true },
      { key: 'library', limit: global, lockMinutes, backOff: false },
    ];
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
  async signInWithPin(
    conversationKey: string,
    pin: string,
    client: string = conversationKey,
  ): Promise<SignInResult | undefined> {
    const pending = this.pendingCards.get(conversationKey);
    this.pendingCards.delete(conversationKey);
    if (!pending || this.now() - pending.at >= pendingCardMs) return undefined;
    return this.signIn(conversationKey, pending.cardNumber, pin, client);
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

  /** Whether the conversation has a live session, without touching its idle clock (staff summaries). */
  isSignedIn(conversationKey: string): boolean {
    const session = this.sessions.get(conversationKey);
    return Boolean(session && !this.isIdle(session));
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

  private recordFailure(throttle: Throttle): FailureCounter {
    const now = this.now();
    const lockMs = throttle.lockMinutes * minute;
    const counter = this.counters.get(throttle.key) ?? {
      failures: 0,
      firstFailureAt: now,
      lockedUntil: 0,
      locks: 0,
    };
    // Failures older than one lock period are forgotten, so an occasional typo never adds up to a lock.
    if (now - counter.firstFailureAt > this.options.settings.lockMinutes * minute) {
      counter.failures = 0;
      counter.firstFailureAt = now;
    }
    counter.failures += 1;
    if (counter.failures >= throttle.limit) {
      counter.locks += 1;
      counter.lockedUntil =
        now + (throttle.backOff ? lockMs * Math.min(2 ** (counter.locks - 1), 8) : lockMs);
      counter.failures = 0;
      counter.firstFailureAt = now;
    }
    this.counters.set(throttle.key, counter);
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
    const forgetAfter = this.options.settings.lockMinutes * minute * 16 * this.throttles.perCardLockFactor;
    for (const [key, counter] of this.counters) {
      if (counter.lockedUntil < now && now - counter.firstFailureAt > forgetAfter) this.counters.delete(key);
    }
  }
}

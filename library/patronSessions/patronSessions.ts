// Signed-in patrons, bound to one conversation and kept in the bot's shared storage (SQLite, or Azure
// Blobs shared by every instance), so a restart or another instance keeps the patron signed in until
// the idle time runs out. A session document holds the library system's patron id and two times,
// nothing else: no card number, PIN or name (the name and home branch are asked of the library
// system when an instance has not seen the patron yet). Dialogs never keep a patron id, card number
// or PIN in their state: they ask this store for the current conversation's session.
// The PIN passes straight through to the library system and is never kept. Failed attempts are
// throttled per conversation, per client (the chat user or phone number), per card number on that
// client, and, at much higher counts, per card number and for the whole library: a stranger who knows
// a card number cannot lock its patron out, and one PIN tried against many cards runs out of tries.
// The counters are shared documents too, changed only by eTag-guarded read-modify-write, so two
// instances counting failures at once lose none.
import type { LibrarySystem, PatronProfile } from '../librarySystem/librarySystem';
import { PatronNotVerifiedError } from '../librarySystem/errors';
import { cardKey, keyedHash, openSealedCardNumber, sealCardNumber } from '../privacy';
import { type DocumentStorage, readOne, type StoredDocument, updateDocument } from '../storage/optimistic';
import { type PurgeOutcome, SignInRecords } from './signInRecords';

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
  /** The bot's state storage, shared by every instance. */
  storage: DocumentStorage;
  settings: PatronSignInSettings;
  throttles?: Partial<SignInThrottles>;
  /** Server secret for keyed hashes and the sealed card number (from the environment, via index.ts). */
  secret: string | Buffer;
  now?: () => number;
}

export interface PatronSession {
  patronId: string;
  name: string;
  homeBranchId: string;
  /** Keyed hash of the patron id: a stable key for logs and audit. */
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

/** What is stored per conversation: the patron id and times only. */
interface SessionDocument {
  /** Absent once the session ended. */
  patronId?: string;
  signedInAt: number;
  lastActiveAt: number;
  /** When it ended for inactivity (and the patron was told). */
  endedAt?: number;
}

interface FailureCounter {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number;
  locks: number;
}

/** A typed card number waiting for its PIN, sealed with the server secret. */
interface PendingCard {
  sealed: string;
  at: number;
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
/** The idle clock is written at most this often (a session may end up to this much early). */
const touchEveryMs = minute;

/** The documents of patron sign-in in the shared storage. */
export const signInKeys = {
  session: (conversationKey: string) => `patron-sign-in/session/${encodeURIComponent(conversationKey)}`,
  card: (conversationKey: string) => `patron-sign-in/card/${encodeURIComponent(conversationKey)}`,
  throttle: (throttleKey: string) => `patron-sign-in/throttle/${encodeURIComponent(throttleKey)}`,
  /** A single sign-on started and not completed yet (entraSignIn.ts). */
  entra: (state: string) => `patron-sign-in/entra/${encodeURIComponent(state)}`,
};

export class PatronSessions {
  private readonly storage: DocumentStorage;
  private readonly records: SignInRecords;
  private readonly now: () => number;
  private readonly throttles: SignInThrottles;
  /** Names and home branches this instance has seen, by patron id (memory only, bounded). */
  private readonly profiles = new Map<string, { name: string; homeBranchId: string; at: number }>();

  constructor(private readonly options: PatronSessionsOptions) {
    this.storage = options.storage;
    this.now = options.now ?? (() => Date.now());
    this.records = new SignInRecords(this.storage, this.now);
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
    const throttles = this.throttlesFor(conversationKey, cardNumber, client);
    // Every counter in one read.
    const stored = await this.storage.read(throttles.map((t) => signInKeys.throttle(t.key)));
    const lockedUntil = Math.max(
      ...throttles.map((t) => Number(stored[signInKeys.throttle(t.key)]?.lockedUntil ?? 0)),
    );
    if (lockedUntil > this.now()) return this.locked(lockedUntil);
    let profile: PatronProfile;
    try {
      profile = await this.options.librarySystem.verifyPatron(cardNumber, pin);
    } catch (error) {
      if (!(error instanceof PatronNotVerifiedError)) throw error;
      return this.countFailure(throttles);
    }
    // A success clears this patron's and this client's counters, not the card's or the library's.
    await this.storage.delete(throttles.slice(0, 3).map((t) => signInKeys.throttle(t.key)));
    const session = await this.bindVerifiedPatron(conversationKey, profile);
    return { ok: true, session, profile };
  }

  private async countFailure(throttles: Throttle[]): Promise<SignInResult> {
    const counted = await Promise.all(throttles.map((t) => this.recordFailure(t)));
    await this.records.track(
      counted.filter((c) => c.created).map((c) => signInKeys.throttle(c.throttle.key)),
    );
    const locked = Math.max(...counted.map((c) => c.counter.lockedUntil));
    if (locked > this.now()) return this.locked(locked);
    const attemptsLeft = Math.min(...counted.map((c) => c.throttle.limit - c.counter.failures));
    return { ok: false, reason: 'not-verified', attemptsLeft };
  }

  private locked(until: number): SignInResult {
    return { ok: false, reason: 'locked', retryAfterMinutes: Math.ceil((until - this.now()) / minute) };
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
   * Starts a session for a patron the library system verified, or some other step authenticated
   * (the library's single sign-on), bound to this conversation; a session there before is replaced.
   */
  async bindVerifiedPatron(conversationKey: string, profile: PatronProfile): Promise<PatronSession> {
    const now = this.now();
    const document: SessionDocument = { patronId: profile.patronId, signedInAt: now, lastActiveAt: now };
    await this.storage.write({ [signInKeys.session(conversationKey)]: { ...document } });
    await this.storage.delete([signInKeys.card(conversationKey)]);
    await this.records.track([signInKeys.session(conversationKey)]);
    this.rememberProfile(profile);
    return this.sessionOf(document as Required<SessionDocument>, profile);
  }

  /**
   * Keeps the card number the patron just typed until the PIN arrives on the next turn (which
   * another instance may answer), sealed, so it never sits readable in dialog state or storage.
   */
  async rememberCard(conversationKey: string, cardNumber: string): Promise<void> {
    const pending: PendingCard = {
      sealed: sealCardNumber(cardNumber, this.options.secret, conversationKey),
      at: this.now(),
    };
    await this.storage.write({ [signInKeys.card(conversationKey)]: { ...pending } });
    await this.records.track([signInKeys.card(conversationKey)]);
  }

  /** Drops a typed card number that no PIN will follow (the patron stopped). */
  async forgetPendingCard(conversationKey: string): Promise<void> {
    await this.storage.delete([signInKeys.card(conversationKey)]);
  }

  /** Whether a card number is waiting for its PIN in this conversation. */
  async hasPendingCard(conversationKey: string): Promise<boolean> {
    const pending = await readOne<PendingCard>(this.storage, signInKeys.card(conversationKey));
    return pending !== undefined && this.now() - pending.at < pendingCardMs;
  }

  /**
   * Completes a sign-in with the card number remembered for this conversation. Undefined when there
   * is none (it expired, or was used): ask for the card number again.
   */
  async signInWithPin(
    conversationKey: string,
    pin: string,
    client: string = conversationKey,
  ): Promise<SignInResult | undefined> {
    const key = signInKeys.card(conversationKey);
    const pending = await readOne<PendingCard>(this.storage, key);
    if (pending) await this.storage.delete([key]);
    if (!pending || this.now() - pending.at >= pendingCardMs) return undefined;
    const cardNumber = openSealedCardNumber(pending.sealed, this.options.secret, conversationKey);
    if (!cardNumber) return undefined;
    return this.signIn(conversationKey, cardNumber, pin, client);
  }

  /**
   * The conversation's session, if any; a live session's idle clock restarts (written at most once a
   * minute). May reject with LibrarySystemUnavailableError when this instance has to ask the library
   * system for the patron's name and home branch and it is down.
   */
  async lookup(conversationKey: string): Promise<SessionLookup> {
    const now = this.now();
    const found = await updateDocument<SessionDocument, SessionDocument | 'expired' | undefined>(
      this.storage,
      signInKeys.session(conversationKey),
      (current) => {
        if (!current?.patronId) return { result: undefined };
        if (this.isIdle(current, now)) {
          // The patron id goes; the times stay until the purge, so "expired" is said once.
          const { patronId: _gone, ...times } = current;
          return { next: { ...times, endedAt: now }, result: 'expired' };
        }
        if (now - current.lastActiveAt < touchEveryMs) return { result: current };
        const touched = { ...current, lastActiveAt: now };
        return { next: touched, result: touched };
      },
    );
    if (found === 'expired') return { state: 'expired' };
    if (!found?.patronId) return { state: 'signed-out' };
    const profile = await this.profileOf(found.patronId);
    return { state: 'signed-in', session: this.sessionOf(found as Required<SessionDocument>, profile) };
  }

  /** Whether the conversation has a live session, without touching its idle clock (staff summaries). */
  async isSignedIn(conversationKey: string): Promise<boolean> {
    const document = await readOne<SessionDocument>(this.storage, signInKeys.session(conversationKey));
    return Boolean(document?.patronId && !this.isIdle(document, this.now()));
  }

  /** Ends the conversation's session; true when there was a live one. */
  async signOut(conversationKey: string): Promise<boolean> {
    const document = await readOne<SessionDocument>(this.storage, signInKeys.session(conversationKey));
    await this.storage.delete([signInKeys.session(conversationKey), signInKeys.card(conversationKey)]);
    return Boolean(document?.patronId && !this.isIdle(document, this.now()));
  }

  /**
   * Deletes sign-in documents that ended days ago (sessions, waiting card numbers, counters that
   * lock nothing any more, single sign-ons never completed). Safe to run on several instances.
   */
  purge(): Promise<PurgeOutcome> {
    const now = this.now();
    const forgetAfter = this.options.settings.lockMinutes * minute * 16 * this.throttles.perCardLockFactor;
    return this.records.purge((key, document) => {
      if (key.startsWith(signInKeys.session('')))
        return Boolean(document.patronId) && !this.isIdle(document as unknown as SessionDocument, now);
      if (key.startsWith(signInKeys.throttle(''))) {
        const counter = document as unknown as FailureCounter;
        return counter.lockedUntil >= now || now - counter.firstFailureAt <= forgetAfter;
      }
      // Waiting card numbers and single sign-ons last minutes.
      return now - Number((document as StoredDocument).at ?? 0) < 60 * minute;
    });
  }

  /** Notes sign-in documents another module creates (single sign-on), for the purge. */
  track(keys: string[]): Promise<void> {
    return this.records.track(keys);
  }

  private sessionOf(
    document: Required<Omit<SessionDocument, 'endedAt'>>,
    profile: { name: string; homeBranchId: string },
  ): PatronSession {
    return {
      patronId: document.patronId,
      name: profile.name,
      homeBranchId: profile.homeBranchId,
      patronKey: keyedHash(`patron:${document.patronId}`, this.options.secret),
      signedInAt: document.signedInAt,
      lastActiveAt: document.lastActiveAt,
    };
  }

  private async profileOf(patronId: string): Promise<{ name: string; homeBranchId: string }> {
    const known = this.profiles.get(patronId);
    if (known && this.now() - known.at < this.options.settings.idleMinutes * minute) return known;
    const profile = await this.options.librarySystem.getPatron(patronId);
    this.rememberProfile(profile);
    return profile;
  }

  private rememberProfile(profile: PatronProfile): void {
    this.profiles.delete(profile.patronId);
    this.profiles.set(profile.patronId, {
      name: profile.name,
      homeBranchId: profile.homeBranchId,
      at: this.now(),
    });
    if (this.profiles.size > 1000) this.profiles.delete(this.profiles.keys().next().value as string);
  }

  private isIdle(document: SessionDocument, now: number): boolean {
    return now - document.lastActiveAt >= this.options.settings.idleMinutes * minute;
  }

  /** One failure against one throttle, counted by eTag-guarded read-modify-write. */
  private recordFailure(
    throttle: Throttle,
  ): Promise<{ throttle: Throttle; counter: FailureCounter; created: boolean }> {
    const now = this.now();
    const lockMs = throttle.lockMinutes * minute;
    return updateDocument(
      this.storage,
      signInKeys.throttle(throttle.key),
      (current: FailureCounter | undefined) => {
        const counter: FailureCounter = current
          ? { ...current }
          : { failures: 0, firstFailureAt: now, lockedUntil: 0, locks: 0 };
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
        return { next: counter, result: { throttle, counter, created: current === undefined } };
      },
    );
  }
}

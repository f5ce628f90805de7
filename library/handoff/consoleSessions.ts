// Staff console windows that signed in with the staff passcode. A console conversation is trusted
// because it is registered here after the passcode check, never because of a name or id it sends.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { StaffMember } from './types';
import { type HandoffStorage, readOne } from './storage';

interface ConsoleSession {
  member: StaffMember;
  signedInAt: string;
}

const sessionKey = (conversationKey: string): string =>
  `handoff/console/${encodeURIComponent(conversationKey)}`;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Compares in constant time so the passcode cannot be guessed character by character. */
export function passcodeMatches(given: string, expected: string): boolean {
  if (!expected) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

export class ConsoleSessions {
  constructor(
    private readonly storage: HandoffStorage,
    private readonly passcode: string,
  ) {}

  verify(passcode: string): boolean {
    return passcodeMatches(passcode, this.passcode);
  }

  /**
   * Registers a console conversation for a staff member whose passcode was checked (by the staff
   * page's token endpoint, so the passcode never travels in a chat activity). The name is shown
   * to patrons and colleagues; it grants nothing.
   */
  async register(conversationKey: string, name: string, now: Date): Promise<StaffMember> {
    const displayName =
      name
        .replace(/[^\p{L}\p{N} .'-]/gu, '')
        .trim()
        .slice(0, 40) || 'Staff';
    const member: StaffMember = {
      id: `console:${digest(conversationKey).toString('hex').slice(0, 16)}`,
      name: displayName,
      channel: 'console',
    };
    await this.storage.write({ [sessionKey(conversationKey)]: { member, signedInAt: now.toISOString() } });
    return member;
  }

  async memberFor(conversationKey: string): Promise<StaffMember | undefined> {
    return (await readOne<ConsoleSession>(this.storage, sessionKey(conversationKey)))?.member;
  }

  async signOut(conversationKey: string): Promise<void> {
    await this.storage.delete([sessionKey(conversationKey)]);
  }
}

export interface SignInThrottleLimits {
  /** Wrong passcodes allowed within `windowMs` before the client is locked. */
  failures: number;
  windowMs: number;
  /** First lock; each further lock of the same client doubles it, up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottleLimits = {
  failures: 5,
  windowMs: 60_000,
  lockMs: 60_000,
  maxLockMs: 15 * 60_000,
};

interface ClientRecord {
  failures: number[];
  lockedUntil: number;
  locks: number;
}

/**
 * Wrong staff passcodes, counted per client (the caller decides what a client is). A locked client
 * is refused whatever it sends; every other client, including one with the right passcode, is not
 * affected, so a guesser cannot keep the staff out.
 */
export class SignInThrottle {
  private readonly clients = new Map<string, ClientRecord>();

  constructor(
    private readonly now: () => number,
    private readonly limits: SignInThrottleLimits = DEFAULT_SIGN_IN_THROTTLE,
    private readonly maxClients = 10000,
  ) {}

  /** Milliseconds the client must still wait, or 0. */
  lockedFor(client: string): number {
    const record = this.clients.get(client);
    return record ? Math.max(0, record.lockedUntil - this.now()) : 0;
  }

  failed(client: string): void {
    const now = this.now();
    let record = this.clients.get(client);
    if (!record) {
      if (this.clients.size >= this.maxClients) this.forgetQuiet(now);
      record = { failures: [], lockedUntil: 0, locks: 0 };
      this.clients.set(client, record);
    }
    record.failures = record.failures.filter((time) => time > now - this.limits.windowMs);
    record.failures.push(now);
    if (record.failures.length >= this.limits.failures) {
      record.lockedUntil = now + Math.min(this.limits.maxLockMs, this.limits.lockMs * 2 ** record.locks);
      record.locks++;
      record.failures = [];
    }
  }

  succeeded(client: string): void {
    this.clients.delete(client);
  }

  private forgetQuiet(now: number): void {
    for (const [client, record] of this.clients) {
      const last = record.failures[record.failures.length - 1] ?? 0;
      if (record.lockedUntil < now && last < now - this.limits.windowMs) this.clients.delete(client);
    }
    if (this.clients.size >= this.maxClients) {
      const oldest = this.clients.keys().next().value;
      if (oldest !== undefined) this.clients.delete(oldest);
    }
  }
}

// Staff workspace windows (each a Direct Line conversation) and who works in them. A conversation is
// trusted because the server registered it after a sign-in (the passcode in local mode, Entra ID in
// production), never because of a name or id it sends.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StaffMember } from './types';
import { type HandoffStorage, readOne } from './storage';

interface ConsoleSession {
  member: StaffMember;
  signedInAt: string;
  /** When the sign-in behind it ends; the window stops counting as staff then. */
  until?: string;
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

/** A name patrons and colleagues see: letters, digits and a little punctuation, at most 40 characters. */
export function displayName(name: string): string {
  return (
    name
      .replace(/[^\p{L}\p{N} .'-]/gu, '')
      .trim()
      .slice(0, 40) || 'Staff'
  );
}

/** A staff member signed in with the passcode: a fresh id per sign-in (kept by the session cookie). */
export function passcodeMember(name: string): StaffMember {
  return {
    id: `console:${randomBytes(9).toString('base64url')}`,
    name: displayName(name),
    channel: 'console',
  };
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
   * Registers a workspace conversation for a signed-in staff member (by the staff page's token
   * endpoint, so no credential travels in a chat activity), until the sign-in ends.
   */
  async register(conversationKey: string, member: StaffMember, now: Date, until?: Date): Promise<void> {
    const session: ConsoleSession = {
      member: { ...member, name: displayName(member.name) },
      signedInAt: now.toISOString(),
      ...(until ? { until: until.toISOString() } : {}),
    };
    await this.storage.write({ [sessionKey(conversationKey)]: { ...session } });
  }

  async memberFor(conversationKey: string, now: Date = new Date()): Promise<StaffMember | undefined> {
    const session = await readOne<ConsoleSession>(this.storage, sessionKey(conversationKey));
    if (!session) return undefined;
    if (session.until && Date.parse(session.until) <= now.getTime()) return undefined;
    return session.member;
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

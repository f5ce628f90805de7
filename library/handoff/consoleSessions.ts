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

// Which staff members are present now. The console reports in while its page is open; in Teams
// any staff action counts as being active. Kept in Storage so a restart does not forget who is on.
import type { ConversationAddress, StaffChannel, StaffMember } from './types';
import { type HandoffStorage, readOne, updateDocument } from './storage';

export interface PresentStaffMember extends StaffMember {
  lastSeen: string;
  /** The staff conversation escalation cards are posted to (the console window). */
  staffConversation?: { key: string; address: ConversationAddress };
}

interface PresenceDocument {
  staff: Record<string, PresentStaffMember>;
}

export interface PresenceSettings {
  /** How long a heartbeat or action keeps a staff member present, per channel. */
  consoleSeconds: number;
  teamsSeconds: number;
}

const presenceKey = 'handoff/presence';

export class StaffPresence {
  constructor(
    private readonly storage: HandoffStorage,
    // A console reports in every minute while open. In Teams, "available" or any staff action
    // counts for two hours (until "away"); a missed claim still ends in an offer to leave a message.
    private readonly settings: PresenceSettings = { consoleSeconds: 180, teamsSeconds: 2 * 60 * 60 },
  ) {}

  private ttlMs(channel: StaffChannel): number {
    return (channel === 'console' ? this.settings.consoleSeconds : this.settings.teamsSeconds) * 1000;
  }

  async markPresent(
    member: StaffMember,
    now: Date,
    staffConversation?: { key: string; address: ConversationAddress },
  ): Promise<void> {
    await updateDocument<PresenceDocument, void>(this.storage, presenceKey, (current) => {
      const staff = { ...(current?.staff ?? {}) };
      const previous = staff[member.id];
      staff[member.id] = {
        id: member.id,
        name: member.name,
        channel: member.channel,
        lastSeen: now.toISOString(),
        staffConversation: staffConversation ?? previous?.staffConversation,
      };
      return { next: { staff: pruneStale(staff, now, (c) => this.ttlMs(c)) }, result: undefined };
    });
  }

  async markAbsent(staffId: string): Promise<void> {
    await updateDocument<PresenceDocument, void>(this.storage, presenceKey, (current) => {
      if (!current?.staff[staffId]) return { result: undefined };
      const staff = { ...current.staff };
      delete staff[staffId];
      return { next: { staff }, result: undefined };
    });
  }

  async presentStaff(now: Date): Promise<PresentStaffMember[]> {
    const document = await readOne<PresenceDocument>(this.storage, presenceKey);
    return Object.values(pruneStale(document?.staff ?? {}, now, (c) => this.ttlMs(c))).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  }

  async find(staffId: string, now: Date): Promise<PresentStaffMember | undefined> {
    return (await this.presentStaff(now)).find((member) => member.id === staffId);
  }
}

function pruneStale(
  staff: Record<string, PresentStaffMember>,
  now: Date,
  ttlMs: (channel: StaffChannel) => number,
): Record<string, PresentStaffMember> {
  return Object.fromEntries(
    Object.entries(staff).filter(([, m]) => now.getTime() - Date.parse(m.lastSeen) < ttlMs(m.channel)),
  );
}

// Shared set-up for the handoff tests: the demo library, botbuilder's MemoryStorage through the
// handoff's storage interface, and a clock the test moves by hand.
import { MemoryStorage } from 'botbuilder';
import { resolve } from 'node:path';
import { type LibraryConfig, loadLibraryConfig } from '../../config/libraryConfig';
import { createHandoff, type Handoff, type HandoffStorage, type StaffMember } from '../../library/handoff';

export const demoConfigPath = resolve(__dirname, '../../../config/demo-library.yaml');

let cachedConfig: LibraryConfig | undefined;
export function demoConfig(): LibraryConfig {
  cachedConfig ??= loadLibraryConfig(demoConfigPath).config;
  return cachedConfig;
}

export class TestClock {
  constructor(private current: Date) {}
  now = (): Date => this.current;
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60000);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

/** Monday 30 November 2026, 10:00 in Riverbend (America/Chicago): staffed chat hours. */
export const mondayMorning = '2026-11-30T16:00:00Z';

export const sam: StaffMember = { id: 'staff-sam', name: 'Sam', channel: 'console' };
export const alex: StaffMember = { id: 'staff-alex', name: 'Alex', channel: 'console' };

export function consoleConversation(member: StaffMember): { key: string; address: object } {
  return {
    key: `directline:console-${member.id}`,
    address: { conversation: { id: `console-${member.id}` }, channelId: 'directline' },
  };
}

export function patron(n: number): { key: string; channelId: string; address: object } {
  return {
    key: `directline:patron-${n}`,
    channelId: 'directline',
    address: {
      conversation: { id: `patron-${n}` },
      channelId: 'directline',
      serviceUrl: 'http://127.0.0.1/',
    },
  };
}

export const summary = { recentTurns: [], signedIn: false, reason: 'explicit' };

export async function handoffWithStaff(
  storage: HandoffStorage = new MemoryStorage(),
  clock = new TestClock(new Date(mondayMorning)),
  staff: StaffMember[] = [sam],
): Promise<{ handoff: Handoff; clock: TestClock; storage: HandoffStorage }> {
  const handoff = createHandoff(demoConfig(), storage, { clock: clock.now });
  await handoff.service.init();
  for (const member of staff)
    await handoff.presence.markPresent(member, clock.now(), consoleConversation(member));
  return { handoff, clock, storage };
}

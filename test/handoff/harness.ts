// The whole bot (the production composition root, as test/support/botHarness.ts builds it) on a
// CloudAdapter in local mode whose replies and proactive messages go to a loopback fake Bot
// Connector, so staff consoles, Teams threads and patrons talk through the real handoff.
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MemoryStorage,
} from 'botbuilder';
import { expect } from 'chai';
import { rmSync } from 'node:fs';
import type { WorkspaceSnapshot } from '../../bots/handoff/workspaceSnapshot';
import type { HandoffCoordinator } from '../../bots/handoff/handoffCoordinator';
import type { TeamsStaffChannel } from '../../bots/handoff/handoffMessenger';
import type { StaffBot } from '../../bots/staffBot';
import type { Handoff, HandoffStorage, StaffMember } from '../../library/handoff';
import type { StaffGroupMembership } from '../../library/handoff/entraGroup';
import { createLibraryBot } from '../../server/libraryBot';
import { harnessParts } from '../support/botHarness';
import { demoLibraryRecognizer, loadDemoLibrary } from '../support/demoLibrary';
import { FakeConnector } from './fakeConnector';
import { TestClock, mondayMorning } from './support';

export const staffPasscode = 'river-staff-passcode';

export interface Harness {
  connector: FakeConnector;
  adapter: CloudAdapter;
  handoff: Handoff;
  coordinator: HandoffCoordinator;
  staffBot: StaffBot;
  clock: TestClock;
  storage: HandoffStorage;
  /** Opens a workspace window as the staff page does: passcode checked first; false when wrong. */
  openConsole(conversation: string, name: string, passcode?: string): Promise<boolean>;
  /** Opens a window for a staff member who signed in (as the token endpoint registers it). */
  openWorkspace(conversation: string, member: StaffMember): Promise<void>;
  /** Sends one activity in; answers the HTTP status and body (the invoke response for invokes). */
  send(activity: Partial<Activity>): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  storage?: HandoffStorage;
  clock?: TestClock;
  connector?: FakeConnector;
  teams?: Omit<TeamsStaffChannel, 'serviceUrl'>;
  staffGroup?: StaffGroupMembership;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const connector = options.connector ?? new FakeConnector();
  if (!connector.url) await connector.start();
  const storage = options.storage ?? new MemoryStorage();
  const clock = options.clock ?? new TestClock(new Date(mondayMorning));
  const loaded = loadDemoLibrary();
  const staff = options.teams
    ? {
        ...loaded.config.staff,
        channel: 'teams' as const,
        teams: { ...options.teams, serviceUrl: connector.url },
      }
    : loaded.config.staff;
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const parts = harnessParts({
    library: { ...loaded, config: { ...loaded.config, staff } },
    recognizer: demoLibraryRecognizer(),
    storage,
    now: clock.now,
    env: { STAFF_PASSCODE: staffPasscode },
    handoff: { staffGroup: options.staffGroup },
  });
  const bot = createLibraryBot(parts.botOptions, adapter);
  bot.middleware.forEach((middleware) => adapter.use(middleware));
  await bot.start();
  const { handoff, coordinator, staffBot, consoles } = bot.capabilities.handoff;

  const send = async (activity: Partial<Activity>) => {
    let status = 200;
    let body: unknown;
    const res = {
      socket: undefined,
      status: (code: number) => void (status = code),
      header: () => undefined,
      send: (b: unknown) => void (body = b),
      end: () => undefined,
    };
    const full = {
      serviceUrl: connector.url,
      id: `in-${Math.random()}`,
      timestamp: clock.now().toISOString(),
      ...activity,
    };
    await adapter.process(
      { body: full as unknown as Record<string, unknown>, headers: {}, method: 'POST' },
      res,
      (context) => bot.runTurn(context),
    );
    return { status, body };
  };

  const openWorkspace = async (conversation: string, member: StaffMember) => {
    await consoles.register(`directline:${conversation}`, member, clock.now());
    await send(
      consoleActivity(conversation, {
        type: 'conversationUpdate',
        membersAdded: [{ id: `dl_${conversation}`, name: '' }],
      }),
    );
    // The page reports its presence as soon as it is connected.
    await send(workspaceEvent(conversation, 'staff.presence', { status: 'available' }));
  };

  const openConsole = async (conversation: string, name: string, passcode = staffPasscode) => {
    if (!consoles.verify(passcode)) return false;
    await openWorkspace(conversation, { id: `console:${conversation}`, name, channel: 'console' });
    return true;
  };

  return {
    connector,
    openConsole,
    openWorkspace,
    adapter,
    handoff,
    coordinator,
    staffBot,
    clock,
    storage,
    send,
    stop: async () => {
      await bot.stop();
      rmSync(parts.dataDir, { recursive: true, force: true });
      if (!options.connector) await connector.stop();
    },
  };
}

/** A patron's Web Chat message. */
export function patronSays(conversation: string, text: string): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'directline',
    conversation: { id: conversation } as Activity['conversation'],
    from: { id: `dl_${conversation}`, name: '' },
    recipient: { id: 'bot', name: 'Library Help Bot' },
    text,
  };
}

/** A staff console activity (same Direct Line, a different conversation). */
export function consoleActivity(conversation: string, fields: Partial<Activity>): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'directline',
    conversation: { id: conversation } as Activity['conversation'],
    from: { id: `dl_${conversation}`, name: '' },
    recipient: { id: 'bot', name: 'Library Help Bot' },
    ...fields,
  };
}

/** An event from a staff workspace window (presence, actions, refresh). */
export function workspaceEvent(conversation: string, name: string, value?: unknown): Partial<Activity> {
  return consoleActivity(conversation, { type: 'event', name, value });
}

/** A staff member's reply typed in the tab of one patron's chat. */
export function workspaceReply(conversation: string, caseId: string, text: string): Partial<Activity> {
  return consoleActivity(conversation, { text, channelData: { libraryBot: { caseId } } });
}

/** A workspace button: claim, end, requeue, transfer (`to`), ticket.answer. */
export function workspaceAction(
  conversation: string,
  action: { verb: string; caseId?: string; ticketId?: string; to?: string; reply?: string },
): Partial<Activity> {
  return workspaceEvent(conversation, 'staff.action', action);
}

/** The workspace snapshots sent to a staff conversation, oldest first. */
export function workspaceSnapshots(h: Harness, conversation: string): WorkspaceSnapshot[] {
  return h.connector
    .sentTo(conversation)
    .filter((a) => a.type === 'event' && a.name === 'staff.workspace')
    .map((a) => a.value as WorkspaceSnapshot);
}

/** The newest workspace snapshot a staff conversation got (there must be one). */
export function latestWorkspaceSnapshot(h: Harness, conversation: string): WorkspaceSnapshot {
  const all = workspaceSnapshots(h, conversation);
  expect(all, `snapshots in ${conversation}`).to.not.have.length(0);
  return all[all.length - 1];
}

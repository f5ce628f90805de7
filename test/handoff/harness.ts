// The handoff's bot side wired as index.ts wires it, on a CloudAdapter in local mode whose replies
// and proactive messages go to a loopback fake Bot Connector. Patron turns use a minimal stand-in
// for the patron bot: the handoff gate first, then "talk to a person" starts a handoff.
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MemoryStorage,
  type TurnContext,
} from 'botbuilder';
import { HandoffCoordinator } from '../../bots/handoff/handoffCoordinator';
import { HandoffMessenger, type TeamsStaffChannel } from '../../bots/handoff/handoffMessenger';
import { StaffBot } from '../../bots/staffBot';
import { createHandoff, type Handoff, type HandoffStorage } from '../../library/handoff';
import { ConsoleSessions } from '../../library/handoff/consoleSessions';
import type { StaffGroupMembership } from '../../library/handoff/entraGroup';
import { FakeConnector } from './fakeConnector';
import { demoConfig, TestClock, mondayMorning } from './support';

export const staffPasscode = 'river-staff-passcode';

export interface Harness {
  connector: FakeConnector;
  adapter: CloudAdapter;
  handoff: Handoff;
  coordinator: HandoffCoordinator;
  staffBot: StaffBot;
  clock: TestClock;
  storage: HandoffStorage;
  /** Opens a console window as the staff page does: passcode checked first; false when wrong. */
  openConsole(conversation: string, name: string, passcode?: string): Promise<boolean>;
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
  const config = demoConfig();
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const handoff = createHandoff(config, storage, { clock: clock.now });
  await handoff.service.init();
  const teams = options.teams ? { ...options.teams, serviceUrl: connector.url } : undefined;
  const messenger = new HandoffMessenger(adapter, handoff, {
    appId: '',
    timeZone: config.library.timeZone,
    teams,
    clock: clock.now,
  });
  const coordinator = new HandoffCoordinator(handoff, messenger, storage, clock.now);
  const consoles = new ConsoleSessions(storage, staffPasscode);
  const staffBot = new StaffBot(handoff, coordinator, consoles, {
    timeZone: config.library.timeZone,
    teams,
    staffGroup: options.staffGroup,
    clock: clock.now,
  });

  const patronTurn = async (context: TurnContext): Promise<void> => {
    if (context.activity.type !== 'message') return;
    const outcome = await coordinator.onPatronMessage(context);
    if (outcome !== 'not-handoff') return;
    if (handoff.rules.assess({ text: context.activity.text ?? '' })?.mode === 'handoff') {
      const result = await coordinator.request(context, {
        recentTurns: [{ from: 'patron', text: context.activity.text ?? '' }],
        signedIn: false,
        reason: 'explicit',
      });
      await context.sendActivity(
        result.outcome === 'queued' ? `queued at ${result.position}` : result.outcome,
      );
    } else {
      await context.sendActivity('the bot answers');
    }
  };

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
      async (context) => {
        if (await staffBot.handles(context)) await staffBot.run(context);
        else await patronTurn(context);
      },
    );
    return { status, body };
  };

  const openConsole = async (conversation: string, name: string, passcode = staffPasscode) => {
    if (!consoles.verify(passcode)) return false;
    await consoles.register(`directline:${conversation}`, name, clock.now());
    await send(
      consoleActivity(conversation, {
        type: 'conversationUpdate',
        membersAdded: [{ id: `dl_${conversation}`, name: '' }],
      }),
    );
    return true;
  };

  return {
    connector,
    openConsole,
    adapter,
    handoff,
    coordinator,
    staffBot,
    clock,
    storage,
    send,
    stop: async () => {
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

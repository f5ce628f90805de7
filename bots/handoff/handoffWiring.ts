// Builds the handoff's bot-side parts for the composition root (server/libraryBotApp.ts): the
// domain services over the bot's Storage, the messenger and coordinator, the patron hooks, the
// escalation dialog, the staff bot, and the timers for claim timeouts and the retention purge.
import type { BotAdapter, ConversationState, Storage, TurnContext } from 'botbuilder';
import type { LibraryConfig } from '../../config/libraryConfig';
import { HandoffDialog } from '../../dialogs/handoff/handoffDialog';
import { HandoffEscalation } from '../../dialogs/handoff/handoffEscalation';
import { ConsoleSessions, createHandoff, type Handoff } from '../../library/handoff';
import { GraphGroupMembership, graphAppToken } from '../../library/handoff/entraGroup';
import type { Logger } from '../../observability/logger';
import type { PatronHandoff } from '../patronBot';
import { StaffBot } from '../staffBot';
import { HandoffCoordinator } from './handoffCoordinator';
import { HandoffMessenger, type ReplySender } from './handoffMessenger';
import { RecentTurns } from './recentTurns';

export interface HandoffWiringOptions {
  config: LibraryConfig;
  storage: Storage;
  conversationState: ConversationState;
  adapter: BotAdapter;
  /** The bot's Microsoft app id; '' in local mode. */
  appId: string;
  /** The staff console passcode (from the environment variable config.staff.console.passcodeEnv). */
  staffPasscode?: string;
  sendReply: ReplySender;
  logger: Logger;
  now?: () => Date;
  /** Whether a patron is signed in, for the staff summary; from the sign-in dialog when it lands. */
  isSignedIn?: (context: TurnContext) => Promise<boolean>;
  sweepSeconds?: number;
  /** The bot's app credentials, for Microsoft Graph when config.staff.teams.staffGroupId is set. */
  graph?: { clientId: string; clientSecret: string };
}

export interface HandoffWiring {
  handoff: Handoff;
  coordinator: HandoffCoordinator;
  staffBot: StaffBot;
  consoles: ConsoleSessions;
  patron: PatronHandoff;
  escalation: HandoffEscalation;
  /** Runs the staff bot for staff activities (Teams, signed-in consoles); false for patrons'. */
  runIfStaff(context: TurnContext): Promise<boolean>;
  /** Prepares storage and starts the timers; call before serving. */
  start(): Promise<void>;
  stop(): void;
}

export function createHandoffWiring(options: HandoffWiringOptions): HandoffWiring {
  const { config, storage, logger } = options;
  const clock = options.now ?? (() => new Date());
  const handoff = createHandoff(config, storage, { clock });
  const teams = config.staff.channel === 'teams' ? config.staff.teams : undefined;
  const messenger = new HandoffMessenger(
    options.adapter,
    handoff,
    { appId: options.appId, timeZone: config.library.timeZone, teams, clock },
    options.sendReply,
  );
  const coordinator = new HandoffCoordinator(handoff, messenger, storage, clock, (error, what) =>
    logger.error({ err: error }, `handoff: ${what} failed`),
  );
  const consoles = new ConsoleSessions(storage, options.staffPasscode ?? '');
  const staffGroup =
    teams?.staffGroupId && options.graph
      ? new GraphGroupMembership({
          groupId: teams.staffGroupId,
          getToken: graphAppToken({ tenantId: teams.tenantId, ...options.graph }),
          onError: (error) => logger.warn({ err: error }, 'handoff: Microsoft Graph group check failed'),
        })
      : undefined;
  if (teams?.staffGroupId && !staffGroup) {
    logger.warn(
      'staff.teams.staffGroupId is set but the bot has no app credentials: only the staff team counts',
    );
  }
  const staffBot = new StaffBot(handoff, coordinator, consoles, {
    timeZone: config.library.timeZone,
    teams: teams && { tenantId: teams.tenantId, teamId: teams.teamId },
    staffGroup,
    clock,
  });
  const turns = new RecentTurns(options.conversationState);
  const dialog = new HandoffDialog({
    config,
    handoff,
    coordinator,
    turns,
    isSignedIn: options.isSignedIn,
    now: clock,
  });
  const escalation = new HandoffEscalation(dialog, handoff.rules);

  const timers: NodeJS.Timeout[] = [];
  const every = (seconds: number, task: () => Promise<unknown>, what: string) => {
    const timer = setInterval(() => {
      task().catch((error: unknown) => logger.error({ err: error }, `handoff ${what} failed`));
    }, seconds * 1000);
    timer.unref();
    timers.push(timer);
  };

  return {
    handoff,
    coordinator,
    staffBot,
    consoles,
    patron: { coordinator, turns },
    escalation,
    runIfStaff: async (context) => {
      if (!(await staffBot.handles(context))) return false;
      await staffBot.run(context);
      return true;
    },
    start: async () => {
      await handoff.service.init();
      const purge = async () => {
        const purged = await handoff.service.purgeExpired();
        if (purged.cases + purged.tickets + purged.auditEntries > 0)
          logger.info(purged, 'handoff records purged');
      };
      await purge();
      every(options.sweepSeconds ?? 15, () => coordinator.sweep(), 'sweep');
      every(6 * 60 * 60, purge, 'purge');
    },
    stop: () => timers.splice(0).forEach((timer) => clearInterval(timer)),
  };
}

// A person from the library: the queue, claims and relay over the bot's Storage, the escalation
// rules and dialog, the staff bot (workspace and Teams), the patron-side relay hook, the staff
// workspace (/staff: the passcode in local mode, Entra ID sign-in in any mode), and the periodic work
// (claim timeouts, queue positions, tickets, the retention purge), each run by one instance at a time
// under a lease in the shared storage.
import type { INetworkModule } from '@azure/msal-node';
import type { TurnContext } from 'botbuilder';
import { randomBytes } from 'node:crypto';
import type { Server } from 'restify';
import { HandoffCoordinator } from '../../bots/handoff/handoffCoordinator';
import { HandoffMessenger } from '../../bots/handoff/handoffMessenger';
import { HandoffPatronHook } from '../../bots/handoff/handoffPatronHook';
import { RecentTurns } from '../../bots/handoff/recentTurns';
import { StaffBot } from '../../bots/staffBot';
import type { RoleBot } from '../../bots/turnHooks';
import { sendReply } from '../../channels/renderer';
import { HandoffDialog } from '../../dialogs/handoff/handoffDialog';
import { HandoffEscalation } from '../../dialogs/handoff/handoffEscalation';
import { ConsoleSessions, createHandoff, type Handoff } from '../../library/handoff';
import {
  GraphGroupMembership,
  graphAppToken,
  type StaffGroupMembership,
} from '../../library/handoff/entraGroup';
import { StaffSignIn } from '../../library/handoff/staffSignIn';
import { staffWorkspaceSignIn } from '../../config/startupChecks';
import type { DirectLineConversations } from '../directLine/directLineConversations';
import { StaffCookies } from '../staffCookies';
import { STAFF_REDIRECT_PATH } from '../staffSignInRoutes';
import { registerStaffWorkspace, type WorkspaceDirectLine } from '../staffWorkspacePage';
import type { Capability, CapabilityDeps } from './capability';
import { PeriodicWork } from './periodicWork';

export interface HandoffOptions {
  /** Whether the patron is signed in, for the staff summary (the holds capability knows). */
  isSignedIn?: (context: TurnContext) => Promise<boolean>;
  /** How often claim timeouts are checked (seconds). */
  sweepSeconds?: number;
  /** Who counts as staff besides the Teams staff team; from Microsoft Graph when configured. */
  staffGroup?: StaffGroupMembership;
  /** Test seams of the workspace's Entra ID sign-in: the staff group, and a loopback identity provider. */
  staffSignIn?: {
    staffGroup?: StaffGroupMembership;
    knownAuthorities?: string[];
    networkClient?: INetworkModule;
  };
}

export interface HandoffCapability extends Capability {
  handoff: Handoff;
  coordinator: HandoffCoordinator;
  staffBot: StaffBot;
  consoles: ConsoleSessions;
}

export function handoffCapability(deps: CapabilityDeps, options: HandoffOptions = {}): HandoffCapability {
  const { config } = deps.library;
  const handoff = createHandoff(config, deps.storage, { clock: deps.clock });
  const teams = config.staff.channel === 'teams' ? config.staff.teams : undefined;
  const appId = deps.settings.microsoftApp?.appId ?? '';
  const messenger = new HandoffMessenger(
    deps.adapter,
    handoff,
    {
      appId,
      timeZone: config.library.timeZone,
      teams,
      clock: deps.clock,
      reportError: (error, what) => deps.logger.warn({ err: error }, `handoff: ${what} failed`),
    },
    sendReply,
  );
  const coordinator = new HandoffCoordinator(handoff, messenger, deps.storage, deps.clock, (error, what) =>
    deps.logger.error({ err: error }, `handoff: ${what} failed`),
  );
  const consoles = new ConsoleSessions(deps.storage, deps.settings.staffPasscode ?? '');
  const staffBot = new StaffBot(handoff, coordinator, consoles, {
    timeZone: config.library.timeZone,
    teams: teams && { tenantId: teams.tenantId, teamId: teams.teamId },
    staffGroup: options.staffGroup ?? staffGroupMembership(deps),
    clock: deps.clock,
  });
  const turns = new RecentTurns(deps.conversationState);
  const dialog = new HandoffDialog({
    config,
    handoff,
    coordinator,
    turns,
    isSignedIn: options.isSignedIn,
    recognizer: deps.recognizer,
    now: deps.clock,
  });
  const periodic = new PeriodicWork(deps);
  const sweep = {
    name: 'handoff-sweep',
    everySeconds: options.sweepSeconds ?? 15,
    run: () => coordinator.sweep(),
  };
  const purge = {
    name: 'handoff-purge',
    everySeconds: 6 * 60 * 60,
    holdSeconds: 10 * 60,
    run: () => purgeExpired(handoff, deps),
  };
  return {
    name: 'handoff',
    handoff,
    coordinator,
    staffBot,
    consoles,
    routes: [{ intents: ['human'], dialog }],
    escalation: new HandoffEscalation(dialog, handoff.rules),
    patronHooks: [new HandoffPatronHook(coordinator, turns)],
    roleBots: [staffRole(staffBot)],
    registerRoutes: ({ server, directLine }) => serveWorkspace(deps, options, server, directLine, consoles),
    start: async () => {
      await handoff.service.init();
      await periodic.runIfDue(purge);
      periodic.every(sweep);
      periodic.every(purge);
    },
    stop: () => periodic.stop(),
  };
}

/**
 * The staff workspace at /staff, when staff can sign in to it (config/startupChecks.ts decides, the
 * same rule that refuses a production start without it): windows on the built-in Direct Line in local
 * mode, on Azure's with the Direct Line secret otherwise.
 */
function serveWorkspace(
  deps: CapabilityDeps,
  options: HandoffOptions,
  server: Server,
  builtIn: DirectLineConversations | undefined,
  consoles: ConsoleSessions,
): void {
  const { settings, library, logger } = deps;
  const signIn = staffWorkspaceSignIn(library.config.staff, settings);
  const directLine: WorkspaceDirectLine | undefined = builtIn
    ? { conversations: builtIn }
    : settings.directLineSecret
      ? { endpoint: settings.directLineEndpoint, secret: settings.directLineSecret }
      : undefined;
  if (!directLine || !(signIn.passcode || signIn.entra)) return;
  registerStaffWorkspace(server, {
    config: library.config,
    logger,
    consoles,
    // Local mode without the setting: a key of this process's own (a restart signs staff out).
    cookies: new StaffCookies(
      settings.staffSessionSecret ?? randomBytes(32).toString('base64'),
      settings.publicUrl.startsWith('https:'),
    ),
    passcode: signIn.passcode,
    entra: signIn.entra ? staffSignIn(deps, options) : undefined,
    directLine,
    now: deps.clock,
  });
}

/** Entra ID sign-in for the workspace: the configured app, tenant and staff group (Microsoft Graph). */
function staffSignIn(deps: CapabilityDeps, options: HandoffOptions): StaffSignIn | undefined {
  const entra = deps.library.config.staff.console.entra;
  const clientSecret = deps.settings.staffEntraClientSecret;
  if (!entra || !clientSecret) return undefined;
  const seams = options.staffSignIn ?? {};
  const staffGroup =
    seams.staffGroup ??
    new GraphGroupMembership({
      groupId: entra.staffGroupId,
      getToken: graphAppToken({ tenantId: entra.tenantId, clientId: entra.clientId, clientSecret }),
      onError: (error) =>
        deps.logger.warn({ err: error }, 'staff sign-in: Microsoft Graph group check failed'),
    });
  return new StaffSignIn({
    tenantId: entra.tenantId,
    clientId: entra.clientId,
    clientSecret,
    authority: entra.authority ?? `https://login.microsoftonline.com/${entra.tenantId}`,
    redirectUrl: `${deps.settings.publicUrl}${STAFF_REDIRECT_PATH}`,
    staffGroup,
    knownAuthorities: seams.knownAuthorities,
    networkClient: seams.networkClient,
  });
}

/** Removes handoff records past their retention periods (privacy). */
async function purgeExpired(handoff: Handoff, deps: CapabilityDeps): Promise<void> {
  const purged = await handoff.service.purgeExpired();
  if (purged.cases + purged.tickets + purged.auditEntries > 0)
    deps.logger.info(purged, 'handoff records purged');
}

function staffRole(staffBot: StaffBot): RoleBot {
  return { handles: (context) => staffBot.handles(context), run: (context) => staffBot.run(context) };
}

/** Staff may be recognised by an Entra group through Microsoft Graph, with the bot's app credentials. */
function staffGroupMembership(deps: CapabilityDeps): GraphGroupMembership | undefined {
  const teams = deps.library.config.staff.teams;
  if (deps.library.config.staff.channel !== 'teams' || !teams?.staffGroupId) return undefined;
  const app = deps.settings.microsoftApp;
  if (!app?.appPassword) {
    deps.logger.warn(
      'staff.teams.staffGroupId is set but the bot has no app credentials: only the staff team counts',
    );
    return undefined;
  }
  return new GraphGroupMembership({
    groupId: teams.staffGroupId,
    getToken: graphAppToken({ tenantId: teams.tenantId, clientId: app.appId, clientSecret: app.appPassword }),
    onError: (error) => deps.logger.warn({ err: error }, 'handoff: Microsoft Graph group check failed'),
  });
}

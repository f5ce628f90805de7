// The staff side of the handoff, in the staff workspace (/staff, a Direct Line conversation per
// window) and in Teams: claim, relay, transfer, end and messages left by patrons. Staff are
// recognised only by a workspace conversation the server registered after sign-in (the passcode in
// local mode, Entra ID in production), or in Teams by the configured tenant and membership of the
// staff team (asked of Teams itself) or group; never by a display name.
import {
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  type ChannelAccount,
  MessageFactory,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
} from 'botbuilder';
import { type Handoff, type StaffMember, presentSpeakers } from '../library/handoff';
import type { ConsoleSessions } from '../library/handoff/consoleSessions';
import type { StaffGroupMembership } from '../library/handoff/entraGroup';
import { type HandoffCoordinator, type StaffConversationRef } from './handoff/handoffCoordinator';
import { workspaceEvent } from './handoff/handoffMessenger';
import { conversationKey } from '../dialogs/turnState';
import { escalationCard, readStaffAction, type StaffActionData, ticketCard } from './handoff/staffCards';
import {
  patronLabel,
  type PresenceStatus,
  WORKSPACE_PAGE_EVENTS,
  WorkspaceViews,
} from './handoff/workspaceSnapshot';

export interface StaffBotSettings {
  timeZone: string;
  /** The Teams staff channel's tenant and team, when staff use Teams. */
  teams?: { tenantId: string; teamId: string };
  /** Staff may also be recognised by an Entra group (Microsoft Graph), besides the staff team. */
  staffGroup?: StaffGroupMembership;
  clock?: () => Date;
}

/** The chat a workspace message is for (the page sets it from the open tab). */
function caseOf(activity: Activity): string | undefined {
  const data = (activity.channelData ?? {}) as { libraryBot?: { caseId?: unknown } };
  const caseId = data.libraryBot?.caseId;
  return typeof caseId === 'string' && caseId.length <= 200 ? caseId : undefined;
}

export class StaffBot extends TeamsActivityHandler {
  private readonly clock: () => Date;
  private readonly views: WorkspaceViews;

  constructor(
    private readonly handoff: Handoff,
    private readonly coordinator: HandoffCoordinator,
    private readonly consoles: ConsoleSessions,
    private readonly settings: StaffBotSettings,
  ) {
    super();
    this.clock = settings.clock ?? (() => new Date());
    this.views = new WorkspaceViews(handoff, settings.timeZone, this.clock);
    this.onMessage(async (context, next) => {
      if (context.activity.channelId === 'msteams') await this.onTeamsMessage(context);
      else await this.onWorkspaceMessage(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      await this.onWorkspaceEvent(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some(
        (m) => m.id !== context.activity.recipient.id,
      );
      if (joined && context.activity.channelId !== 'msteams') await this.onWorkspaceOpened(context);
      await next();
    });
  }

  /** Whether an activity belongs to the staff side: Teams, or a signed-in workspace conversation. */
  async handles(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (activity.channelId === 'msteams') return true;
    return (await this.workspaceMember(context)) !== undefined;
  }

  private workspaceMember(context: TurnContext): Promise<StaffMember | undefined> {
    return this.consoles.memberFor(conversationKey(context.activity), this.clock());
  }

  private staffConversation(context: TurnContext): StaffConversationRef {
    return {
      key: conversationKey(context.activity),
      address: TurnContext.getConversationReference(context.activity),
    };
  }

  // ---- the workspace ----

  /** A workspace window opened (after the server registered it): its chats relay here now. */
  private async onWorkspaceOpened(context: TurnContext): Promise<void> {
    const member = await this.workspaceMember(context);
    if (!member) return;
    await this.coordinator.adoptChats(member, this.staffConversation(context));
    await context.sendActivity(`Signed in as ${member.name}.`);
    await this.sendSnapshot(context, member);
  }

  private async sendSnapshot(context: TurnContext, member: StaffMember, notice?: string): Promise<void> {
    await context.sendActivity(workspaceEvent(await this.views.build(member, notice)));
  }

  private async onWorkspaceEvent(context: TurnContext): Promise<void> {
    const member = await this.workspaceMember(context);
    if (!member) return;
    const { name, value } = context.activity;
    if (name === WORKSPACE_PAGE_EVENTS.presence || name === WORKSPACE_PAGE_EVENTS.heartbeat) {
      const status = (value as { status?: unknown } | undefined)?.status === 'away' ? 'away' : 'available';
      await this.setPresence(context, member, status);
      return this.sendSnapshot(context, member);
    }
    if (name === WORKSPACE_PAGE_EVENTS.refresh) return this.sendSnapshot(context, member);
    if (name !== WORKSPACE_PAGE_EVENTS.action) return;
    const action = readStaffAction(value);
    if (!action) return this.sendSnapshot(context, member, 'That action is not one the workspace knows.');
    const notice = await this.workspaceAction(action, member, this.staffConversation(context));
    await this.sendSnapshot(context, member, notice);
  }

  /** Available staff count for the bot's promise of a person and get new patrons; away staff do not. */
  private async setPresence(
    context: TurnContext,
    member: StaffMember,
    status: PresenceStatus,
  ): Promise<void> {
    if (status === 'away') return this.handoff.presence.markAbsent(member.id);
    const wasPresent = await this.handoff.presence.find(member.id, this.clock());
    await this.handoff.presence.markPresent(member, this.clock(), this.staffConversation(context));
    if (!wasPresent) await this.coordinator.staffArrived();
  }

  /** Carries out a workspace button; answers with what to tell the staff member. */
  private async workspaceAction(
    action: StaffActionData & { reply?: string },
    member: StaffMember,
    staffConversation: StaffConversationRef,
  ): Promise<string> {
    if (action.verb === 'handoff.transfer') {
      if (!action.caseId || !action.to) return 'Choose a colleague to transfer the chat to.';
      const colleague = (await this.coordinator.presentColleagues()).find(
        (c) => c.member.id === action.to && c.member.id !== member.id && c.staffConversation,
      );
      if (!colleague) return 'That colleague is not available any more; choose another.';
      return this.coordinator.transfer(action.caseId, member, colleague.member, colleague.staffConversation);
    }
    const outcome = await this.perform(action, member, staffConversation);
    if (action.verb !== 'handoff.claim' || !action.caseId) return outcome;
    const claimed = await this.handoff.service.getCase(action.caseId);
    // The coordinator's words are for a text console; the workspace opens the chat's tab instead.
    return claimed?.status === 'claimed' && claimed.claimedBy?.id === member.id
      ? `You're chatting with ${patronLabel(action.caseId)}. Your replies go to the patron as "${member.name}: ...".`
      : outcome;
  }

  /** Text from a workspace chat tab: relayed to that patron when the chat is this staff member's. */
  private async onWorkspaceMessage(context: TurnContext): Promise<void> {
    const member = await this.workspaceMember(context);
    if (!member) return;
    const text = (context.activity.text ?? '').trim();
    const caseId = caseOf(context.activity);
    if (!text) return;
    if (!caseId) return this.sendSnapshot(context, member, 'Open a chat tab to reply to a patron.');
    if (!(await this.coordinator.relayToCase(caseId, this.staffConversation(context), member, text)))
      await this.sendSnapshot(context, member, `${patronLabel(caseId)} is no longer your chat.`);
  }

  private async showTickets(context: TurnContext): Promise<void> {
    const tickets = await this.handoff.service.openTickets();
    if (tickets.length === 0) return void (await context.sendActivity('No messages are waiting.'));
    for (const ticket of tickets) {
      await context.sendActivity(
        MessageFactory.attachment(
          CardFactory.adaptiveCard(ticketCard(ticket, this.settings.timeZone, 'execute')),
        ),
      );
    }
  }

  private async perform(
    action: StaffActionData & { reply?: string },
    member: StaffMember,
    staffConversation: StaffConversationRef,
  ): Promise<string> {
    switch (action.verb) {
      case 'handoff.claim':
        return action.caseId
          ? this.coordinator.claim(action.caseId, member, staffConversation)
          : 'Nothing to claim.';
      case 'handoff.end':
        return action.caseId ? this.coordinator.end(action.caseId, member) : 'Nothing to end.';
      case 'handoff.requeue':
        return action.caseId ? this.coordinator.requeue(action.caseId, member) : 'Nothing to put back.';
      case 'handoff.transfer':
        return 'Mention a colleague from the staff team: "transfer @name".';
      case 'ticket.answer':
        return action.ticketId
          ? this.coordinator.answerTicket(action.ticketId, member, action.reply)
          : 'Nothing to answer.';
    }
  }

  // ---- Teams ----

  /** Staff in Teams: the configured tenant and a member of the staff team, as Teams reports it. */
  private async teamsStaffMember(context: TurnContext): Promise<StaffMember | undefined> {
    return this.teamsMember(context, context.activity.from);
  }

  private async teamsMember(context: TurnContext, account: ChannelAccount): Promise<StaffMember | undefined> {
    const teams = this.settings.teams;
    if (!teams) return undefined;
    const channelData = (context.activity.channelData ?? {}) as { tenant?: { id?: string } };
    const tenant = channelData.tenant?.id ?? context.activity.conversation?.tenantId;
    if (tenant !== teams.tenantId) return undefined;
    try {
      const member = await TeamsInfo.getTeamMember(context, teams.teamId, account.id);
      return { id: member.aadObjectId ?? member.id, name: member.name ?? 'Staff', channel: 'teams' };
    } catch {
      // Teams answers 404 (MemberNotFoundInConversation) for anyone outside the staff team.
    }
    // The Entra object id comes from Teams with the activity; the name is only shown.
    if (account.aadObjectId && (await this.settings.staffGroup?.isMember(account.aadObjectId))) {
      return { id: account.aadObjectId, name: account.name || 'Staff', channel: 'teams' };
    }
    return undefined;
  }

  private async onTeamsMessage(context: TurnContext): Promise<void> {
    const member = await this.teamsStaffMember(context);
    if (!member) {
      await context.sendActivity('Only library staff in the staff team can use this bot here.');
      return;
    }
    await this.handoff.presence.markPresent(member, this.clock());
    const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? '';
    const key = conversationKey(context.activity);
    const command = text.toLowerCase();
    if (command === 'available' || command === 'here') {
      return void (await context.sendActivity(`Thanks ${member.name}: patrons can reach staff now.`));
    }
    if (command === 'away') {
      await this.handoff.presence.markAbsent(member.id);
      return void (await context.sendActivity('Marked away.'));
    }
    if (command === 'tickets') return void (await this.showTickets(context));
    const open = await this.coordinator.caseFor(key);
    if (command === 'end') {
      if (!open) return void (await context.sendActivity('No patron is connected in this thread.'));
      return void (await context.sendActivity(await this.coordinator.end(open.id, member)));
    }
    if (command === 'queue') {
      if (!open) return void (await context.sendActivity('No patron is connected in this thread.'));
      return void (await context.sendActivity(await this.coordinator.requeue(open.id, member)));
    }
    if (command.startsWith('transfer')) {
      if (!open) return void (await context.sendActivity('No patron is connected in this thread.'));
      const mentioned = (context.activity.entities ?? [])
        .filter((e) => e.type === 'mention')
        .map((e) => (e as { mentioned?: ChannelAccount }).mentioned)
        .find((m): m is ChannelAccount => !!m && m.id !== context.activity.recipient.id);
      const colleague = mentioned && (await this.teamsMember(context, mentioned));
      if (!colleague) {
        return void (await context.sendActivity(
          'Mention a colleague from the staff team: "transfer @name".',
        ));
      }
      return void (await context.sendActivity(await this.coordinator.transfer(open.id, member, colleague)));
    }
    if (!text) return;
    if (!(await this.coordinator.relayFromStaff(key, member, text))) {
      await context.sendActivity(
        open ? `${open.claimedBy?.name ?? 'Someone'} has this chat.` : 'Claim this chat from its card first.',
      );
    }
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const member = await this.teamsStaffMember(context);
    if (!member) return message('Only library staff in the staff team can do that.');
    await this.handoff.presence.markPresent(member, this.clock());
    const data = (invokeValue.action?.data ?? {}) as Record<string, unknown>;
    const action = readStaffAction({ ...data, verb: invokeValue.action?.verb });
    if (!action) return message('That button is not one this bot knows.');
    const outcome = await this.perform(action, member, this.staffConversation(context));
    // Answer with the card as it is now, so the person who pressed it sees the change at once.
    if (action.caseId) {
      const handoff = await this.handoff.service.getCase(action.caseId);
      if (handoff) {
        await context.sendActivity(outcome);
        return {
          statusCode: 200,
          type: CardFactory.contentTypes.adaptiveCard,
          value: {
            ...escalationCard(
              handoff,
              this.clock(),
              'execute',
              await presentSpeakers(this.handoff, handoff.patron.language, this.clock()),
            ),
          },
        };
      }
    }
    if (action.ticketId) {
      const ticket = await this.handoff.service.getTicket(action.ticketId);
      if (ticket) {
        await context.sendActivity(outcome);
        return {
          statusCode: 200,
          type: CardFactory.contentTypes.adaptiveCard,
          value: { ...ticketCard(ticket, this.settings.timeZone, 'execute') },
        };
      }
    }
    return message(outcome);
  }
}

function message(text: string): AdaptiveCardInvokeResponse {
  // The invoke response's message form carries a plain string value.
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as Record<string, unknown>,
  };
}

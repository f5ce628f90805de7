// The staff side of the handoff, in the built-in staff console (Web Chat) and in Teams: the same
// cards, claim, relay, transfer, end and messages left by patrons. Staff are recognised only by a
// console sign-in with the staff passcode, or in Teams by the configured tenant and membership of
// the staff team (asked of Teams itself); never by a display name.
import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  type ChannelAccount,
  MessageFactory,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
} from 'botbuilder';
import type { Handoff, StaffMember } from '../library/handoff';
import type { ConsoleSessions } from '../library/handoff/consoleSessions';
import type { StaffGroupMembership } from '../library/handoff/entraGroup';
import { type HandoffCoordinator, type StaffConversationRef } from './handoff/handoffCoordinator';
import { conversationKey } from '../dialogs/turnState';
import { escalationCard, readStaffAction, type StaffActionData, ticketCard } from './handoff/staffCards';

export interface StaffBotSettings {
  timeZone: string;
  /** The Teams staff channel's tenant and team, when staff use Teams. */
  teams?: { tenantId: string; teamId: string };
  /** Staff may also be recognised by an Entra group (Microsoft Graph), besides the staff team. */
  staffGroup?: StaffGroupMembership;
  clock?: () => Date;
}

const consoleHelp =
  'Staff console: claim a waiting patron from their card, then type to reply. Commands: "end", "queue" (put the patron back), "transfer NAME", "who" (staff present), "tickets" (messages left), "sign out".';

export class StaffBot extends TeamsActivityHandler {
  private readonly clock: () => Date;

  constructor(
    private readonly handoff: Handoff,
    private readonly coordinator: HandoffCoordinator,
    private readonly consoles: ConsoleSessions,
    private readonly settings: StaffBotSettings,
  ) {
    super();
    this.clock = settings.clock ?? (() => new Date());
    this.onMessage(async (context, next) => {
      if (context.activity.channelId === 'msteams') await this.onTeamsMessage(context);
      else await this.onConsoleMessage(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      await this.onConsoleEvent(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some(
        (m) => m.id !== context.activity.recipient.id,
      );
      if (joined && context.activity.channelId !== 'msteams') await this.onConsoleOpened(context);
      await next();
    });
  }

  /** Whether an activity belongs to the staff side: Teams, or a signed-in console conversation. */
  async handles(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (activity.channelId === 'msteams') return true;
    return (await this.consoles.memberFor(conversationKey(activity))) !== undefined;
  }

  private staffConversation(context: TurnContext): StaffConversationRef {
    return {
      key: conversationKey(context.activity),
      address: TurnContext.getConversationReference(context.activity),
    };
  }

  // ---- console ----

  /** A console window opened (after the staff page checked the passcode): welcome and show the queue. */
  private async onConsoleOpened(context: TurnContext): Promise<void> {
    const member = await this.consoles.memberFor(conversationKey(context.activity));
    if (!member) return;
    await this.handoff.presence.markPresent(member, this.clock(), this.staffConversation(context));
    await context.sendActivity(`Signed in as ${member.name}. ${consoleHelp}`);
    await this.showQueue(context);
    await this.coordinator.sweep();
  }

  /** The console page reports in every minute while it is open. */
  private async onConsoleEvent(context: TurnContext): Promise<void> {
    const member = await this.consoles.memberFor(conversationKey(context.activity));
    if (member && context.activity.name === 'staff.heartbeat') {
      await this.handoff.presence.markPresent(member, this.clock(), this.staffConversation(context));
    }
  }

  private async onConsoleMessage(context: TurnContext): Promise<void> {
    const key = conversationKey(context.activity);
    const member = await this.consoles.memberFor(key);
    if (!member) {
      await context.sendActivity('Please sign in to the staff console first.');
      return;
    }
    await this.handoff.presence.markPresent(member, this.clock(), this.staffConversation(context));
    const action = readStaffAction(context.activity.value);
    if (action) {
      await context.sendActivity(await this.perform(action, member, this.staffConversation(context)));
      return;
    }
    const text = (context.activity.text ?? '').trim();
    if (!text) return;
    const command = text.toLowerCase();
    if (command === 'help' || command === '?') return void (await context.sendActivity(consoleHelp));
    if (command === 'who') return void (await context.sendActivity(await this.whoIsPresent()));
    if (command === 'tickets') return void (await this.showTickets(context, 'submit'));
    if (command === 'sign out') {
      await this.handoff.presence.markAbsent(member.id);
      await this.consoles.signOut(key);
      await context.sendActivity('Signed out. New chats will not come to this window.');
      return;
    }
    const open = await this.coordinator.caseFor(key);
    if (command === 'end' || command === 'queue' || /^transfer( to)? (.+)$/i.test(text)) {
      if (!open) return void (await context.sendActivity("You're not chatting with a patron right now."));
      return void (await context.sendActivity(await this.consoleCommand(text, open.id, member)));
    }
    if (!(await this.coordinator.relayFromStaff(key, member, text))) {
      const waiting = (await this.handoff.service.queue()).length;
      await context.sendActivity(
        `You're not chatting with a patron right now (${waiting} waiting). Claim one from their card; type "help" for commands.`,
      );
    }
  }

  /** "end", "queue" or "transfer NAME" for the chat this console has open: what to tell the staff member. */
  private async consoleCommand(text: string, caseId: string, member: StaffMember): Promise<string> {
    const command = text.toLowerCase();
    if (command === 'end') return this.coordinator.end(caseId, member);
    if (command === 'queue') return this.coordinator.requeue(caseId, member);
    const wanted = (/^transfer( to)? (.+)$/i.exec(text)?.[2] ?? '').trim();
    const colleagues = (await this.coordinator.presentColleagues()).filter(
      // Console to console: the colleague's window takes over the relay.
      (c) =>
        c.member.id !== member.id &&
        c.staffConversation &&
        c.member.name.toLowerCase() === wanted.toLowerCase(),
    );
    if (colleagues.length === 0) return `Nobody called "${wanted}" is present. ${await this.whoIsPresent()}`;
    if (colleagues.length > 1)
      return `More than one colleague is called "${wanted}"; ask one of them to rename their console.`;
    const [colleague] = colleagues;
    return this.coordinator.transfer(caseId, member, colleague.member, colleague.staffConversation);
  }

  private async whoIsPresent(): Promise<string> {
    const names = (await this.coordinator.presentColleagues()).map((c) => c.member.name);
    return names.length === 0 ? 'No staff are present.' : `Staff present: ${names.join(', ')}.`;
  }

  private async showQueue(context: TurnContext): Promise<void> {
    for (const place of await this.handoff.service.queue()) {
      const sent = await context.sendActivity(
        MessageFactory.attachment(
          CardFactory.adaptiveCard(escalationCard(place.handoff, this.clock(), 'submit')),
        ),
      );
      await this.handoff.service.recordPost(place.handoff.id, {
        ...this.postFor(context),
        activityId: sent?.id,
      });
    }
  }

  private postFor(context: TurnContext): { staffConversationKey: string; address: object } {
    const conversation = this.staffConversation(context);
    return { staffConversationKey: conversation.key, address: conversation.address };
  }

  private async showTickets(context: TurnContext, kind: 'submit' | 'execute'): Promise<void> {
    const tickets = await this.handoff.service.openTickets();
    if (tickets.length === 0) return void (await context.sendActivity('No messages are waiting.'));
    for (const ticket of tickets) {
      await context.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(ticketCard(ticket, this.settings.timeZone, kind))),
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
    if (command === 'tickets') return void (await this.showTickets(context, 'execute'));
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
          value: { ...escalationCard(handoff, this.clock(), 'execute') },
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

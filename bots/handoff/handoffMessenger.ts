// Proactive messages for the handoff: to the patron's conversation and to staff (workspace windows
// and a new thread per patron in the Teams staff channel), through the ConversationReferences kept
// with each case, so a restart in the middle of a chat keeps both sides connected.
import {
  type Activity,
  type BotAdapter,
  CardFactory,
  type ConversationParameters,
  type ConversationReference,
  MessageFactory,
  TurnContext,
} from 'botbuilder';
import type { Reply } from '../../channels/reply';
import { conversationKey } from '../../dialogs/turnState';
import { setTurnLanguage, turnLanguage } from '../../dialogs/conversationLanguage';
import {
  type Handoff,
  type HandoffCase,
  type PatronConversation,
  type StaffPost,
  type Ticket,
  presentSpeakers,
} from '../../library/handoff';
import { type ButtonKind, escalationCard, ticketCard } from './staffCards';
import { WORKSPACE_EVENT, type WorkspaceSnapshot, WorkspaceViews } from './workspaceSnapshot';

/** Turns a Reply into the patron's channel's form; index.ts passes the renderer's sendReply. */
export type ReplySender = (context: TurnContext, reply: Reply) => Promise<unknown>;

export interface TeamsStaffChannel {
  tenantId: string;
  teamId: string;
  channelId: string;
  serviceUrl: string;
}

export interface HandoffMessengerSettings {
  /** The bot's Microsoft app id ('' in local mode). */
  appId: string;
  timeZone: string;
  /** Set when the staff channel is Teams: each escalation posts a new thread there. */
  teams?: TeamsStaffChannel;
  clock?: () => Date;
  /** Where a workspace that could not be reached is reported; the others still get their update. */
  reportError?: (error: unknown, what: string) => void;
}

/** The workspace's event carrying a snapshot. */
export function workspaceEvent(snapshot: WorkspaceSnapshot): Partial<Activity> {
  return { type: 'event', name: WORKSPACE_EVENT, value: snapshot };
}

function isTeams(address: object): boolean {
  return (address as Partial<ConversationReference>).channelId === 'msteams';
}

/** Marks an activity as belonging to one patron's chat, so the workspace shows it in that tab. */
function forCase(activity: Partial<Activity>, caseId: string): Partial<Activity> {
  const channelData = (activity.channelData ?? {}) as Record<string, unknown>;
  return { ...activity, channelData: { ...channelData, libraryBot: { caseId } } };
}

/** Plain-text form of the Replies the handoff sends, for when no renderer is passed in. */
export function replyAsText(reply: Reply): string {
  switch (reply.kind) {
    case 'text':
      return reply.text;
    case 'confirm':
      return reply.prompt;
    case 'choice':
      return [reply.prompt, ...reply.options.map((o, i) => `${i + 1}. ${o.label}`)].join('\n');
    case 'table':
      return [reply.title, ...reply.rows.map((r) => `${r.label}: ${r.value}`)].join('\n');
    case 'list':
      return [reply.title, ...reply.items.map((item) => item.title)].join('\n');
  }
}

export function patronConversation(context: TurnContext): PatronConversation {
  return {
    key: conversationKey(context.activity),
    channelId: context.activity.channelId,
    address: TurnContext.getConversationReference(context.activity),
    language: turnLanguage(context),
  };
}

/** Teams thread ids end in ";messageid=<id of the thread's first message>". */
function threadRootId(conversationId: string | undefined): string | undefined {
  return conversationId?.match(/;messageid=(\d+)$/)?.[1];
}

export class HandoffMessenger {
  private readonly views: WorkspaceViews;

  constructor(
    private readonly adapter: BotAdapter,
    private readonly handoff: Handoff,
    private readonly settings: HandoffMessengerSettings,
    private readonly sendReply: ReplySender = (context, reply) => context.sendActivity(replyAsText(reply)),
  ) {
    this.views = new WorkspaceViews(handoff, settings.timeZone, () => this.now());
  }

  private now(): Date {
    return this.settings.clock ? this.settings.clock() : new Date();
  }

  private continueWith(address: object, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    // A stored ConversationReference, kept opaque by the handoff domain.
    return this.adapter.continueConversationAsync(
      this.settings.appId ?? '',
      address as Partial<ConversationReference>,
      async (context) => {
        // A proactive message answers nothing in this conversation; a replyToId naming the
        // continuation's own id makes Web Chat hold the message up to 5 s waiting for that activity.
        context.onSendActivities(async (_context, activities, next) => {
          activities.forEach((activity) => delete activity.replyToId);
          return next();
        });
        context.onUpdateActivity(async (_context, activity, next) => {
          delete activity.replyToId;
          return next();
        });
        await logic(context);
      },
    );
  }

  async toPatron(patron: PatronConversation, reply: Reply): Promise<void> {
    await this.continueWith(patron.address, async (context) => {
      // Outside the patron's turn: the renderer's SMS words follow the patron's language too.
      if (patron.language) setTurnLanguage(context, patron.language);
      await this.sendReply(context, reply);
    });
  }

  /**
   * To a staff conversation. `caseId` names the patron's chat it is about: the workspace shows it in
   * that chat's tab (Teams threads are one chat each and get the activity as it is).
   */
  async toStaff(address: object, activity: Partial<Activity> | string, caseId?: string): Promise<void> {
    await this.continueWith(address, async (context) => {
      // Text to staff often quotes the patron ("Patron: ..."): shown as typed, never as markdown.
      const plain: Partial<Activity> =
        typeof activity === 'string' ? { type: 'message', text: activity, textFormat: 'plain' } : activity;
      await context.sendActivity(caseId && !isTeams(address) ? forCase(plain, caseId) : plain);
    });
  }

  private buttonKind(address: object): ButtonKind {
    return isTeams(address) ? 'execute' : 'submit';
  }

  /** Tells every workspace present about the new patron, and posts a new thread in the Teams channel. */
  async postEscalation(handoff: HandoffCase): Promise<void> {
    await this.refreshWorkspaces();
    if (this.settings.teams) await this.postTeamsThread(handoff, this.now());
  }

  /**
   * Sends a fresh snapshot to every workspace whose staff member is available (away ones get theirs
   * when they act or report in). One window that cannot be reached does not keep the others waiting.
   */
  async refreshWorkspaces(): Promise<void> {
    const present = (await this.handoff.presence.presentStaff(this.now())).flatMap((member) =>
      member.channel === 'console' && member.staffConversation
        ? [{ member, address: member.staffConversation.address }]
        : [],
    );
    if (present.length === 0) return;
    const shared = await this.views.shared();
    for (const { member, address } of present) {
      try {
        const snapshot = await this.views.build(member, undefined, shared);
        await this.toStaff(address, workspaceEvent(snapshot));
      } catch (error) {
        this.settings.reportError?.(error, 'updating a staff workspace');
      }
    }
  }

  private async postTeamsThread(handoff: HandoffCase, now: Date): Promise<void> {
    const teams = this.settings.teams as TeamsStaffChannel;
    const speakers = await presentSpeakers(this.handoff, handoff.patron.language, now);
    const card = escalationCard(handoff, now, 'execute', speakers);
    const parameters: ConversationParameters = {
      isGroup: true,
      bot: { id: this.settings.appId, name: 'Library Help Bot' },
      channelData: { channel: { id: teams.channelId }, tenant: { id: teams.tenantId } },
      tenantId: teams.tenantId,
      activity: MessageFactory.attachment(CardFactory.adaptiveCard(card)) as Activity,
      members: [],
    };
    await this.adapter.createConversationAsync(
      this.settings.appId,
      'msteams',
      teams.serviceUrl,
      '',
      parameters,
      async (context) => {
        const address = TurnContext.getConversationReference(context.activity);
        await this.handoff.service.recordPost(handoff.id, {
          staffConversationKey: conversationKey(context.activity),
          address,
          activityId: threadRootId(context.activity.conversation?.id),
        });
      },
    );
  }

  /** Shows every staff card about a case in its current state (claimed by whom, ended), and the workspaces. */
  async refreshCards(caseId: string, except?: string): Promise<void> {
    const handoff = await this.handoff.service.getCase(caseId);
    if (handoff) {
      const now = this.now();
      for (const post of handoff.posts) {
        if (post.staffConversationKey === except) continue;
        await this.refreshPost(handoff, post, now);
      }
    }
    await this.refreshWorkspaces();
  }

  private async refreshPost(handoff: HandoffCase, post: StaffPost, now: Date): Promise<void> {
    const speakers = await presentSpeakers(this.handoff, handoff.patron.language, now);
    const card = escalationCard(handoff, now, this.buttonKind(post.address), speakers);
    await this.continueWith(post.address, async (context) => {
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      if (post.activityId) {
        try {
          await context.updateActivity({ ...activity, id: post.activityId });
          return;
        } catch {
          // Channels without message updates (Direct Line) get a new card instead.
        }
      }
      await context.sendActivity(activity);
    });
  }

  /** Posts messages left while nobody was there to the Teams channel and the workspaces present now. */
  async postTickets(tickets: Ticket[]): Promise<void> {
    if (tickets.length === 0) return;
    await this.refreshWorkspaces();
    const teams = this.settings.teams;
    if (!teams) return;
    for (const ticket of tickets) {
      await this.adapter.createConversationAsync(
        this.settings.appId,
        'msteams',
        teams.serviceUrl,
        '',
        {
          isGroup: true,
          bot: { id: this.settings.appId, name: 'Library Help Bot' },
          channelData: { channel: { id: teams.channelId }, tenant: { id: teams.tenantId } },
          tenantId: teams.tenantId,
          activity: MessageFactory.attachment(
            CardFactory.adaptiveCard(ticketCard(ticket, this.settings.timeZone, 'execute')),
          ) as Activity,
          members: [],
        },
        async () => undefined,
      );
    }
  }
}

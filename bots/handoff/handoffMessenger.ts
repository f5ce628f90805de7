// Proactive messages for the handoff: to the patron's conversation and to staff (console windows
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
import type { Handoff, HandoffCase, PatronConversation, StaffPost, Ticket } from '../../library/handoff';
import { type ButtonKind, escalationCard, ticketCard } from './staffCards';

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
  };
}

/** Teams thread ids end in ";messageid=<id of the thread's first message>". */
function threadRootId(conversationId: string | undefined): string | undefined {
  return conversationId?.match(/;messageid=(\d+)$/)?.[1];
}

export class HandoffMessenger {
  constructor(
    private readonly adapter: BotAdapter,
    private readonly handoff: Handoff,
    private readonly settings: HandoffMessengerSettings,
    private readonly sendReply: ReplySender = (context, reply) => context.sendActivity(replyAsText(reply)),
  ) {}

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
      await this.sendReply(context, reply);
    });
  }

  async toStaff(address: object, activity: Partial<Activity> | string): Promise<void> {
    await this.continueWith(address, async (context) => {
      // Text to staff often quotes the patron ("Patron: ..."): shown as typed, never as markdown.
      await context.sendActivity(
        typeof activity === 'string' ? { type: 'message', text: activity, textFormat: 'plain' } : activity,
      );
    });
  }

  private buttonKind(address: object): ButtonKind {
    return (address as Partial<ConversationReference>).channelId === 'msteams' ? 'execute' : 'submit';
  }

  /** Posts the escalation card to every staff window present and a new thread in the Teams channel. */
  async postEscalation(handoff: HandoffCase): Promise<void> {
    const now = this.now();
    const consoles = (await this.handoff.presence.presentStaff(now)).flatMap((m) =>
      m.staffConversation && m.channel === 'console' ? [m.staffConversation] : [],
    );
    for (const console of consoles) {
      const card = escalationCard(handoff, now, 'submit');
      await this.continueWith(console.address, async (context) => {
        const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
        await this.handoff.service.recordPost(handoff.id, {
          staffConversationKey: console.key,
          address: console.address,
          activityId: sent?.id,
        });
      });
    }
    if (this.settings.teams) await this.postTeamsThread(handoff, now);
  }

  private async postTeamsThread(handoff: HandoffCase, now: Date): Promise<void> {
    const teams = this.settings.teams as TeamsStaffChannel;
    const card = escalationCard(handoff, now, 'execute');
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

  /** Shows every staff card about a case in its current state (claimed by whom, ended). */
  async refreshCards(caseId: string, except?: string): Promise<void> {
    const handoff = await this.handoff.service.getCase(caseId);
    if (!handoff) return;
    const now = this.now();
    for (const post of handoff.posts) {
      if (post.staffConversationKey === except) continue;
      await this.refreshPost(handoff, post, now);
    }
  }

  private async refreshPost(handoff: HandoffCase, post: StaffPost, now: Date): Promise<void> {
    const card = escalationCard(handoff, now, this.buttonKind(post.address));
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

  /** Posts messages left while nobody was there to the staff channels present now. */
  async postTickets(tickets: Ticket[]): Promise<void> {
    if (tickets.length === 0) return;
    const now = this.now();
    const consoles = (await this.handoff.presence.presentStaff(now)).flatMap((m) =>
      m.staffConversation && m.channel === 'console' ? [m.staffConversation] : [],
    );
    for (const ticket of tickets) {
      for (const console of consoles) {
        await this.toStaff(
          console.address,
          MessageFactory.attachment(
            CardFactory.adaptiveCard(ticketCard(ticket, this.settings.timeZone, 'submit')),
          ),
        );
      }
      if (this.settings.teams) {
        const teams = this.settings.teams;
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
}

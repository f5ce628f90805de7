// Carries out the handoff between a patron conversation and staff: joining the queue, claims,
// the relay both ways, transfers, endings, timeouts and messages left for staff. The rules live in
// library/handoff; this class turns their outcomes into messages on both sides.
import type { TurnContext } from 'botbuilder';
import type { Reply } from '../../channels/reply';
import {
  type ContactPreference,
  type Handoff,
  type HandoffCase,
  type HandoffRequestOutcome,
  type PatronConversation,
  type StaffMember,
  type StaffSummary,
  type Ticket,
} from '../../library/handoff';
import { type HandoffStorage, readOne } from '../../library/handoff/storage';
import { yesOrNo } from '../../recognizers/replies';
import { maskSensitiveText } from '../../library/privacy';
import { CATALOGS, messagesFor } from '../../library/language/catalog';
import { type HandoffMessenger, patronConversation } from './handoffMessenger';

export interface StaffConversationRef {
  key: string;
  address: object;
}

/** What happened to a patron's message: handled by the handoff, or left for the dialogs. */
export type PatronTurnOutcome =
  'relayed' | 'waiting' | 'ended' | 'leave-message' | 'declined' | 'not-handoff';

/** Leaving the queue or the chat, in any language we speak ("leave" typed in a Spanish chat too). */
function saysLeave(text: string): boolean {
  const plain = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return Object.values(CATALOGS).some((m) => m.handoff.leaveWords.test(plain));
}

/** The buttons of the offer to leave a message after nobody claimed the chat. */
const messageOfferLabels = (language?: string) => {
  const m = messagesFor(language);
  return { yes: m.handoff.offerYes, no: m.handoff.offerNo };
};

const offerKey = (patronKey: string): string => `handoff/message-offer/${encodeURIComponent(patronKey)}`;

export class HandoffCoordinator {
  constructor(
    private readonly handoff: Handoff,
    private readonly messenger: HandoffMessenger,
    private readonly storage: HandoffStorage,
    private readonly clock: () => Date = () => new Date(),
    /** Where failures to reach staff are reported (the server's logger); they never fail a patron's turn. */
    private readonly reportError: (error: unknown, what: string) => void = () => undefined,
  ) {}

  // ---- patron side ----

  /** Puts the patron in the queue when someone can come, and posts the escalation card to staff. */
  async request(context: TurnContext, summary: StaffSummary): Promise<HandoffRequestOutcome> {
    const outcome = await this.handoff.service.requestHandoff(patronConversation(context), summary);
    if (outcome.outcome === 'queued') {
      await this.handoff.service.noteToldPosition(outcome.handoff.id, outcome.position);
      try {
        await this.messenger.postEscalation(outcome.handoff);
      } catch (error) {
        // The patron stays queued: consoles show the queue when opened, and the claim timeout
        // still offers a message if nobody sees it.
        this.reportError(error, 'posting an escalation card');
      }
    }
    return outcome;
  }

  /** Called for every patron message before the dialogs run. */
  async onPatronMessage(context: TurnContext): Promise<PatronTurnOutcome> {
    const patron = patronConversation(context);
    const text = (context.activity.text ?? '').trim();
    const open = await this.handoff.service.openCaseForPatron(patron.key);
    if (open) {
      // Written only when it changed: what staff send later is worded in the patron's language now.
      if (patron.language && patron.language !== open.patron.language)
        await this.handoff.service.notePatronLanguage(open.id, patron.language);
      if (saysLeave(text)) {
        await this.patronEnds(open);
        return 'ended';
      }
      if (open.status === 'claimed' && open.staffConversation) {
        if (text) {
          const relayed = `Patron: ${maskSensitiveText(text)}`;
          await this.messenger.toStaff(open.staffConversation.address, relayed, open.id);
        }
        return 'relayed';
      }
      const place = await this.handoff.service.placeOf(open.id);
      const m = messagesFor(patron.language).handoff;
      await this.messenger.toPatron(patron, {
        kind: 'text',
        text: place ? m.waiting(place.position, m.wait(place.expectedWaitMinutes)) : m.waitingShortly,
      });
      return 'waiting';
    }
    const offer = await readOne<{ offeredAt: string }>(this.storage, offerKey(patron.key));
    if (offer) {
      const answer = yesOrNo(text, messageOfferLabels(patron.language), patron.language);
      if (answer === 'yes') {
        await this.storage.delete([offerKey(patron.key)]);
        return 'leave-message';
      }
      if (answer === 'no') {
        await this.storage.delete([offerKey(patron.key)]);
        await this.messenger.toPatron(patron, {
          kind: 'text',
          text: messagesFor(patron.language).handoff.messageOfferDeclined,
        });
        return 'declined';
      }
      // Anything else: the patron moved on; the dialogs answer it.
      await this.storage.delete([offerKey(patron.key)]);
    }
    return 'not-handoff';
  }

  private async patronEnds(open: HandoffCase): Promise<void> {
    const ended = await this.handoff.service.end(open.id, 'patron');
    if (!ended) return;
    await this.messenger.toPatron(open.patron, {
      kind: 'text',
      text: messagesFor(open.patron.language).handoff.patronLeft,
    });
    if (ended.staffConversation)
      await this.messenger.toStaff(ended.staffConversation.address, 'The patron ended the chat.', ended.id);
    await this.messenger.refreshCards(ended.id);
    await this.tellQueuePositions();
  }

  /** Takes a message for staff; posted at once when someone is present. */
  async leaveMessage(
    context: TurnContext,
    contact: ContactPreference,
    message: string,
    summary: StaffSummary,
  ): Promise<Ticket> {
    const ticket = await this.handoff.service.createTicket(
      patronConversation(context),
      contact,
      maskSensitiveText(message).slice(0, 2000),
      summary,
    );
    await this.postWaitingTickets();
    return ticket;
  }

  // ---- staff side ----

  async claim(caseId: string, member: StaffMember, staffConversation: StaffConversationRef): Promise<string> {
    const result = await this.handoff.service.claim(caseId, member, staffConversation);
    if (!result.claimed) {
      return result.reason === 'already-claimed'
        ? `${result.claimedBy.name} already has this chat.`
        : 'This patron is no longer waiting.';
    }
    await this.messenger.toPatron(result.handoff.patron, {
      kind: 'text',
      text: messagesFor(result.handoff.patron.language).handoff.joined(member.name),
    });
    await this.messenger.refreshCards(caseId);
    await this.tellQueuePositions();
    return `You're chatting with the patron. Type to reply; "end" to finish, "transfer NAME" to pass it to a colleague, "queue" to put it back.`;
  }

  async end(caseId: string, member: StaffMember): Promise<string> {
    const ended = await this.handoff.service.end(caseId, member);
    if (!ended) return 'That chat is not yours to end (or is already over).';
    await this.messenger.toPatron(ended.patron, {
      kind: 'text',
      text: messagesFor(ended.patron.language).handoff.staffLeft(member.name),
    });
    await this.messenger.refreshCards(caseId);
    return 'Chat ended.';
  }

  async requeue(caseId: string, member: StaffMember): Promise<string> {
    const back = await this.handoff.service.transfer(caseId, member, 'queue');
    if (!back) return 'That chat is not yours to put back.';
    await this.messenger.refreshCards(caseId);
    await this.tellQueuePositions();
    return 'The patron is back in the queue, in their original place.';
  }

  /** Passes a claimed chat to a colleague who is present; they get the relay from now on. */
  async transfer(
    caseId: string,
    member: StaffMember,
    colleague: StaffMember,
    colleagueConversation?: StaffConversationRef,
  ): Promise<string> {
    const moved = await this.handoff.service.transfer(caseId, member, {
      member: colleague,
      staffConversation: colleagueConversation,
    });
    if (!moved) return 'That chat is not yours to transfer.';
    await this.messenger.toPatron(moved.patron, {
      kind: 'text',
      text: messagesFor(moved.patron.language).handoff.transferred(member.name, colleague.name),
    });
    if (colleagueConversation) {
      await this.messenger.toStaff(
        colleagueConversation.address,
        `${member.name} transferred this patron's chat to you.`,
        caseId,
      );
    }
    await this.messenger.refreshCards(caseId);
    return `Transferred to ${colleague.name}.`;
  }

  /** Present staff, for picking a colleague by name (the console) or confirming one (Teams). */
  async presentColleagues(): Promise<{ member: StaffMember; staffConversation?: StaffConversationRef }[]> {
    return (await this.handoff.presence.presentStaff(this.clock())).map((m) => ({
      member: { id: m.id, name: m.name, channel: m.channel },
      staffConversation: m.staffConversation,
    }));
  }

  /** A staff message in a conversation relaying to a patron; false when there is none. */
  async relayFromStaff(staffConversationKey: string, member: StaffMember, text: string): Promise<boolean> {
    const open = await this.handoff.service.caseForStaffConversation(staffConversationKey);
    if (!open || open.claimedBy?.id !== member.id) return false;
    const said = messagesFor(open.patron.language).handoff.staffSays(member.name, text);
    await this.messenger.toPatron(open.patron, { kind: 'text', text: said });
    return true;
  }

  /**
   * A workspace message for one of the staff member's chats; false when the chat is not theirs (any
   * more). The window it came from gets the patron's answers from now on.
   */
  async relayToCase(
    caseId: string,
    staffConversation: StaffConversationRef,
    member: StaffMember,
    text: string,
  ): Promise<boolean> {
    const open = await this.handoff.service.getCase(caseId);
    if (open?.status !== 'claimed' || open.claimedBy?.id !== member.id) return false;
    if (open.staffConversation?.key !== staffConversation.key)
      await this.handoff.service.moveToConversation(caseId, member, staffConversation);
    const said = messagesFor(open.patron.language).handoff.staffSays(member.name, text);
    await this.messenger.toPatron(open.patron, { kind: 'text', text: said });
    return true;
  }

  /** A staff member's workspace (re)opened: their chats relay to this window now. */
  async adoptChats(member: StaffMember, staffConversation: StaffConversationRef): Promise<void> {
    for (const chat of await this.handoff.service.claimedBy(member.id))
      await this.handoff.service.moveToConversation(chat.id, member, staffConversation);
  }

  /** Someone became available: messages left while nobody was there go to them now. */
  async staffArrived(): Promise<void> {
    await this.postWaitingTickets();
  }

  /** Every workspace present gets the current queue, chats and messages. */
  async refreshWorkspaces(): Promise<void> {
    await this.messenger.refreshWorkspaces();
  }

  async caseFor(staffConversationKey: string): Promise<HandoffCase | undefined> {
    return this.handoff.service.caseForStaffConversation(staffConversationKey);
  }

  /** Marks a ticket answered and delivers the answer to the patron's chat when they chose it. */
  async answerTicket(ticketId: string, member: StaffMember, reply: string | undefined): Promise<string> {
    const ticket = await this.handoff.service.answerTicket(ticketId, member);
    if (!ticket) return 'That message has already been answered.';
    const answer = reply?.trim();
    // A text-message preference is answered in the same conversation only when it came by SMS.
    const sameConversation =
      ticket.contact.kind === 'this-chat' ||
      (ticket.contact.kind === 'sms' && ticket.patron.channelId === 'sms');
    if (answer && sameConversation) {
      try {
        await this.messenger.toPatron(ticket.patron, {
          kind: 'text',
          text: messagesFor(ticket.patron.language).handoff.ticketAnswer(member.name, answer),
        });
        return 'Answer sent to the patron.';
      } catch {
        return "Marked answered, but the patron's chat no longer exists; please use another way to reach them.";
      }
    }
    return 'Marked answered.';
  }

  // ---- timers ----

  /** Run every few seconds: claim timeouts, queue position updates, messages left for staff. */
  async sweep(): Promise<void> {
    for (const expired of await this.handoff.service.expireUnclaimed()) {
      await this.offerMessage(expired.patron);
      await this.messenger.refreshCards(expired.id);
    }
    await this.tellQueuePositions();
    await this.postWaitingTickets();
  }

  private async offerMessage(patron: PatronConversation): Promise<void> {
    await this.storage.write({ [offerKey(patron.key)]: { offeredAt: this.clock().toISOString() } });
    const reply: Reply = {
      kind: 'confirm',
      prompt: messagesFor(patron.language).handoff.claimTimedOut,
      ...messageOfferLabels(patron.language),
    };
    await this.messenger.toPatron(patron, reply);
  }

  private async tellQueuePositions(): Promise<void> {
    for (const place of await this.handoff.service.queue()) {
      if (!(await this.handoff.service.noteToldPosition(place.handoff.id, place.position))) continue;
      const m = messagesFor(place.handoff.patron.language).handoff;
      await this.messenger.toPatron(place.handoff.patron, {
        kind: 'text',
        text: m.nowInLine(place.position, m.wait(place.expectedWaitMinutes)),
      });
    }
  }

  private async postWaitingTickets(): Promise<void> {
    const availability = await this.handoff.availability.check(this.clock());
    if (!availability.available) return;
    await this.messenger.postTickets(await this.handoff.service.takeTicketsToShow());
  }
}

// What the staff workspace (/staff) shows, sent to the page as one `staff.workspace` event: the
// queue with wait times, the staff member's own chats with each patron's redacted summary, the
// messages patrons left, and the colleagues a chat can be transferred to. The page draws it; every
// change on the server sends a fresh one, so the page never has to work out the handoff's state.
import type { Handoff, HandoffCase, StaffMember, StaffSummary, Ticket } from '../../library/handoff';
import { DEFAULT_LANGUAGE } from '../../library/language/catalog';
import { contactText, languageLabel, localTime, summaryFacts } from './staffCards';

export const WORKSPACE_EVENT = 'staff.workspace';

/** Events the page sends (besides messages to a patron, which carry `channelData.libraryBot.caseId`). */
export const WORKSPACE_PAGE_EVENTS = {
  /** `{ status: 'available' | 'away' }`, when it changes and every minute while the page is open. */
  presence: 'staff.presence',
  /** The old console's name for the same report (status available). */
  heartbeat: 'staff.heartbeat',
  /** A StaffActionData: claim, end, requeue, transfer (`to`: a colleague's id), ticket.answer. */
  action: 'staff.action',
  refresh: 'staff.refresh',
} as const;

export type PresenceStatus = 'available' | 'away';

export interface SummaryView {
  facts: { title: string; value: string }[];
  recentTurns: StaffSummary['recentTurns'];
}

export interface WorkspaceSnapshot {
  /** When it was built (ms): the page keeps the newest when several instances send them. */
  at: number;
  me: { id: string; name: string; status: PresenceStatus };
  /** Whether this is inside staffed chat hours now. */
  staffed: boolean;
  queue: {
    caseId: string;
    label: string;
    position: number;
    waitedSeconds: number;
    expectedWaitMinutes: number;
    summary: SummaryView;
    /** The patron's language code ("es"). */
    language: string;
    /**
     * This staff member speaks the patron's language (not English) and is preferred for the claim:
     * the page lists such patrons first and marks them.
     */
    forYou: boolean;
  }[];
  chats: { caseId: string; label: string; claimedSeconds: number; summary: SummaryView }[];
  tickets: { ticketId: string; left: string; contact: string; message: string; language: string }[];
  colleagues: { id: string; name: string }[];
  /** What the last action did, for the page's status line. */
  notice?: string;
}

/** At most this many waiting patrons and messages in one snapshot (Direct Line allows 256K characters). */
const MAX_LISTED = 50;

/** A short, stable name for a patron in tabs and lists; never anything about who they are. */
export function patronLabel(caseId: string): string {
  return `Patron ${caseId
    .replace(/[^0-9a-z]/gi, '')
    .slice(0, 4)
    .toUpperCase()}`;
}

function summaryView(summary: StaffSummary, language?: string, speakers: string[] = []): SummaryView {
  return { facts: summaryFacts(summary, language, speakers), recentTurns: summary.recentTurns };
}

function secondsSince(iso: string | undefined, now: Date): number {
  return iso ? Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000)) : 0;
}

/** The parts every staff member sees the same way, read once for a broadcast. */
interface SharedParts {
  staffed: boolean;
  queue: WorkspaceSnapshot['queue'];
  tickets: WorkspaceSnapshot['tickets'];
  present: { id: string; name: string; hasWorkspace: boolean }[];
}

export class WorkspaceViews {
  constructor(
    private readonly handoff: Handoff,
    private readonly timeZone: string,
    private readonly clock: () => Date,
  ) {}

  async shared(): Promise<SharedParts> {
    const now = this.clock();
    const { languages } = this.handoff;
    const [places, tickets, present, availability] = await Promise.all([
      this.handoff.service.queue(),
      this.handoff.service.openTickets(),
      this.handoff.presence.presentStaff(now),
      this.handoff.availability.check(now),
    ]);
    return {
      staffed: availability.available || availability.reason === 'nobody-present',
      queue: places.slice(0, MAX_LISTED).map((place) => {
        const language = place.handoff.patron.language;
        const speakers = languages.needsSpeaker(language) ? languages.speakersAmong(present, language) : [];
        return {
          caseId: place.handoff.id,
          label: patronLabel(place.handoff.id),
          position: place.position,
          waitedSeconds: secondsSince(place.handoff.queuedAt, now),
          expectedWaitMinutes: place.expectedWaitMinutes,
          summary: summaryView(place.handoff.summary, language, speakers),
          language: language ?? DEFAULT_LANGUAGE,
          forYou: false,
        };
      }),
      tickets: tickets.slice(0, MAX_LISTED).map((ticket) => this.ticketView(ticket)),
      present: present.map((m) => ({
        id: m.id,
        name: m.name,
        hasWorkspace: m.channel === 'console' && Boolean(m.staffConversation),
      })),
    };
  }

  /** One staff member's view; `shared` when several are built at once. */
  async build(member: StaffMember, notice?: string, shared?: SharedParts): Promise<WorkspaceSnapshot> {
    const now = this.clock();
    const parts = shared ?? (await this.shared());
    const chats = await this.handoff.service.claimedBy(member.id);
    return {
      at: now.getTime(),
      me: {
        id: member.id,
        name: member.name,
        status: parts.present.some((p) => p.id === member.id) ? 'available' : 'away',
      },
      staffed: parts.staffed,
      queue: this.queueFor(member, parts.queue),
      chats: chats.map((chat: HandoffCase) => ({
        caseId: chat.id,
        label: patronLabel(chat.id),
        claimedSeconds: secondsSince(chat.claimedAt, now),
        summary: summaryView(chat.summary, chat.patron.language),
      })),
      tickets: parts.tickets,
      colleagues: parts.present
        .filter((p) => p.id !== member.id && p.hasWorkspace)
        .map(({ id, name }) => ({ id, name })),
      ...(notice ? { notice } : {}),
    };
  }

  /** Patrons whose language this staff member speaks (besides English) first, each marked; then the rest in order. */
  private queueFor(member: StaffMember, queue: WorkspaceSnapshot['queue']): WorkspaceSnapshot['queue'] {
    const marked = queue.map((place) => ({
      ...place,
      forYou: this.handoff.languages.speaks(member, place.language),
    }));
    return [...marked.filter((place) => place.forYou), ...marked.filter((place) => !place.forYou)];
  }

  private ticketView(ticket: Ticket): WorkspaceSnapshot['tickets'][number] {
    return {
      ticketId: ticket.id,
      left: localTime(ticket.createdAt, this.timeZone),
      contact: contactText(ticket),
      message: ticket.message,
      language: languageLabel(ticket.patron.language),
    };
  }
}

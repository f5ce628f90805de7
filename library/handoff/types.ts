// The handoff's records, as kept in the bot's Storage. Conversation addresses are botbuilder
// ConversationReferences kept opaque here (this module never reads them) so proactive messages
// can reach the patron and staff after a restart.

/** A stored ConversationReference; only the bot layer looks inside. */
export type ConversationAddress = object;

/** Where a staff member works from. */
export type StaffChannel = 'console' | 'teams';

export interface StaffMember {
  /** Stable id: the Entra object id in Teams, the console sign-in id; never a display name. */
  id: string;
  name: string;
  channel: StaffChannel;
}

export interface PatronConversation {
  /** channelId + conversation id: one patron conversation. */
  key: string;
  channelId: string;
  address: ConversationAddress;
  /**
   * The conversation's language when the patron asked for a person ("es"): messages sent outside
   * the patron's turn (a claim, a staff reply) use it, staff see it, tickets record it.
   */
  language?: string;
}

/** What staff see before claiming: short, redacted, no PIN, card numbers masked. */
export interface StaffSummary {
  recentTurns: { from: 'patron' | 'bot'; text: string }[];
  intent?: string;
  branch?: string;
  signedIn: boolean;
  reason: string;
}

export type CaseStatus = 'queued' | 'claimed' | 'ended' | 'timed-out';

/** A card or thread posted to a staff conversation about a case, so it can be refreshed later. */
export interface StaffPost {
  staffConversationKey: string;
  address: ConversationAddress;
  activityId?: string;
}

export interface HandoffCase {
  id: string;
  status: CaseStatus;
  patron: PatronConversation;
  summary: StaffSummary;
  /** When the patron first joined the queue: the queue's order (longest-waiting first). */
  queuedAt: string;
  /** When the patron last started waiting (joined, or was put back): the claim timeout's start. */
  waitingSince: string;
  claimedAt?: string;
  claimedBy?: StaffMember;
  /** The staff conversation the relay goes to while claimed. */
  staffConversation?: { key: string; address: ConversationAddress };
  /** Staff members this case was transferred to or from, newest last (ids only). */
  transfers: { from: string; to: string | 'queue'; at: string }[];
  /** Escalation cards and Teams threads posted for this case. */
  posts: StaffPost[];
  endedAt?: string;
  endedBy?: 'patron' | 'staff' | 'timeout';
  /** The queue position the patron was last told, so they hear only when it changes. */
  toldPosition?: number;
}

export type ContactPreference =
  | { kind: 'this-chat' }
  | { kind: 'sms'; phone: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'email'; email: string };

export type TicketStatus = 'open' | 'shown' | 'answered';

export interface Ticket {
  id: string;
  status: TicketStatus;
  createdAt: string;
  patron: PatronConversation;
  contact: ContactPreference;
  /** The patron's message, redacted (card numbers masked, no PIN). Purged after retention. */
  message: string;
  summary: StaffSummary;
  shownAt?: string;
  answeredAt?: string;
  answeredBy?: StaffMember;
}

export type AuditAction =
  | 'queued'
  | 'claimed'
  | 'claim-refused'
  | 'transferred'
  | 'returned-to-queue'
  | 'ended'
  | 'timed-out'
  | 'ticket-created'
  | 'ticket-shown'
  | 'ticket-answered'
  | 'purged';

/** Who did what to which case, and when; never message text. */
export interface AuditEntry {
  at: string;
  action: AuditAction;
  caseId?: string;
  ticketId?: string;
  /** A staff member's id and name, or "patron", "bot". */
  actor: string;
  actorName?: string;
  /** For transfers: the colleague's id, or "queue". */
  to?: string;
  count?: number;
}

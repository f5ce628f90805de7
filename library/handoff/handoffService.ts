// The handoff's rules over shared Storage: the queue (longest-waiting first), claims (first claim
// wins through an eTag-guarded write), the relay's routing, transfers, endings, claim timeouts,
// tickets when nobody is there, and the retention purge. Sending messages is the bot layer's job.
import { randomUUID } from 'node:crypto';
import type { AuditTrail } from './audit';
import type { Availability, StaffAvailability } from './availability';
import { createDocument, type HandoffStorage, readMany, readOne, updateDocument } from './storage';
import type {
  ContactPreference,
  ConversationAddress,
  HandoffCase,
  PatronConversation,
  StaffMember,
  StaffPost,
  StaffSummary,
  Ticket,
} from './types';

export interface HandoffSettings {
  claimTimeoutSeconds: number;
  transcriptRetentionDays: number;
  ticketRetentionDays: number;
  auditRetentionDays: number;
}

export interface HandoffServiceDeps {
  storage: HandoffStorage;
  availability: StaffAvailability;
  audit: AuditTrail;
  settings: HandoffSettings;
  clock?: () => Date;
  newId?: () => string;
}

export interface QueuePlace {
  handoff: HandoffCase;
  /** 1 for the patron who has waited longest. */
  position: number;
  expectedWaitMinutes: number;
}

export type HandoffRequestOutcome =
  | ({ outcome: 'queued' } & QueuePlace)
  | { outcome: 'already-open'; handoff: HandoffCase; place?: QueuePlace }
  | (Extract<Availability, { available: false }> & { outcome: 'unavailable' });

export type ClaimResult =
  | { claimed: true; handoff: HandoffCase }
  | { claimed: false; reason: 'already-claimed'; claimedBy: StaffMember; handoff: HandoffCase }
  | { claimed: false; reason: 'not-waiting'; handoff?: HandoffCase };

export type TransferTarget = { member: StaffMember; staffConversation?: StaffConversation } | 'queue';

export interface StaffConversation {
  key: string;
  address: ConversationAddress;
}

interface OpenIndex {
  /** Queued or claimed cases. */
  open: string[];
  /** Finished cases kept until their retention period ends. */
  closed: { id: string; closedAt: string }[];
  tickets: { id: string; createdAt: string }[];
}

interface Pointer {
  caseId: string;
}

interface Stats {
  /** Minutes from joining the queue to a claim, most recent last. */
  claimWaits: number[];
  /** Minutes from claim to end, most recent last. */
  handleTimes: number[];
}

const keys = {
  index: 'handoff/index',
  stats: 'handoff/stats',
  handoff: (id: string) => `handoff/case/${id}`,
  ticket: (id: string) => `handoff/ticket/${id}`,
  patron: (patronKey: string) => `handoff/patron/${encodeURIComponent(patronKey)}`,
  staffConversation: (key: string) => `handoff/staff-conversation/${encodeURIComponent(key)}`,
};

const defaultClaimWaitMinutes = 2;
const defaultHandleMinutes = 6;
const dayMs = 24 * 60 * 60 * 1000;

export class HandoffService {
  private readonly storage: HandoffStorage;
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: HandoffServiceDeps) {
    this.storage = deps.storage;
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  /**
   * Creates the shared index at startup if no instance has yet: create-only, so an instance starting
   * while another already queues patrons never overwrites the index with an empty one.
   */
  async init(): Promise<void> {
    await createDocument(this.storage, keys.index, { open: [], closed: [], tickets: [] });
    await createDocument(this.storage, keys.stats, { claimWaits: [], handleTimes: [] });
  }

  async getCase(id: string): Promise<HandoffCase | undefined> {
    const found = await readOne<HandoffCase>(this.storage, keys.handoff(id));
    return found ? withoutETag(found) : undefined;
  }

  /** The patron's queued or claimed case, if any. */
  async openCaseForPatron(patronKey: string): Promise<HandoffCase | undefined> {
    const pointer = await readOne<Pointer>(this.storage, keys.patron(patronKey));
    const handoff = pointer && (await this.getCase(pointer.caseId));
    return handoff && (handoff.status === 'queued' || handoff.status === 'claimed') ? handoff : undefined;
  }

  /** The claimed case a staff conversation (console window or Teams thread) relays to. */
  async caseForStaffConversation(staffConversationKey: string): Promise<HandoffCase | undefined> {
    const pointer = await readOne<Pointer>(this.storage, keys.staffConversation(staffConversationKey));
    const handoff = pointer && (await this.getCase(pointer.caseId));
    return handoff?.status === 'claimed' && handoff.staffConversation?.key === staffConversationKey
      ? handoff
      : undefined;
  }

  /** Joins the queue when a person really can come; otherwise says why not and when. */
  async requestHandoff(patron: PatronConversation, summary: StaffSummary): Promise<HandoffRequestOutcome> {
    const existing = await this.openCaseForPatron(patron.key);
    if (existing) {
      return { outcome: 'already-open', handoff: existing, place: await this.placeOf(existing.id) };
    }
    const now = this.clock();
    const availability = await this.deps.availability.check(now);
    if (!availability.available) return { ...availability, outcome: 'unavailable' };
    const handoff: HandoffCase = {
      id: this.newId(),
      status: 'queued',
      patron,
      summary,
      queuedAt: now.toISOString(),
      waitingSince: now.toISOString(),
      transfers: [],
      posts: [],
    };
    await this.storage.write({ [keys.handoff(handoff.id)]: { ...handoff } });
    await this.storage.write({ [keys.patron(patron.key)]: { caseId: handoff.id } });
    await this.updateIndex((index) => ({ ...index, open: [...index.open, handoff.id] }));
    await this.deps.audit.record({
      at: now.toISOString(),
      action: 'queued',
      caseId: handoff.id,
      actor: 'patron',
    });
    const place = await this.placeOf(handoff.id);
    return { outcome: 'queued', ...(place ?? { handoff, position: 1, expectedWaitMinutes: 1 }) };
  }

  /** Everyone waiting, longest-waiting first, with position and expected wait. */
  async queue(): Promise<QueuePlace[]> {
    const index = await this.readIndex();
    const open = await readMany<HandoffCase>(this.storage, index.open.map(keys.handoff));
    const waiting = open
      .filter((c) => c.status === 'queued')
      .map(withoutETag)
      .sort((a, b) => Date.parse(a.queuedAt) - Date.parse(b.queuedAt)); // stable: ties keep joining order
    const stats = (await readOne<Stats>(this.storage, keys.stats)) ?? { claimWaits: [], handleTimes: [] };
    const availability = await this.deps.availability.check(this.clock());
    const staff = availability.available ? availability.staffPresent : 1;
    const claimWait = average(stats.claimWaits, defaultClaimWaitMinutes);
    const handle = average(stats.handleTimes, defaultHandleMinutes);
    return waiting.map((handoff, i) => ({
      handoff,
      position: i + 1,
      // The first in line waits about as long as claims usually take; each patron ahead adds a
      // conversation's length, shared among the staff present.
      expectedWaitMinutes: Math.max(1, Math.ceil(claimWait + (i * handle) / Math.max(1, staff))),
    }));
  }

  async placeOf(caseId: string): Promise<QueuePlace | undefined> {
    return (await this.queue()).find((p) => p.handoff.id === caseId);
  }

  /** Remembers the position the patron was last told; false when it is unchanged. */
  async noteToldPosition(caseId: string, position: number): Promise<boolean> {
    return updateDocument<HandoffCase, boolean>(this.storage, keys.handoff(caseId), (current) => {
      if (!current || current.status !== 'queued' || current.toldPosition === position)
        return { result: false };
      return { next: { ...current, toldPosition: position }, result: true };
    });
  }

  /** The patron changed language while waiting or chatting ("in English, please"): later messages follow. */
  async notePatronLanguage(caseId: string, language: string): Promise<void> {
    await updateDocument<HandoffCase, void>(this.storage, keys.handoff(caseId), (current) => {
      if (!current || current.patron.language === language) return { result: undefined };
      return { next: { ...current, patron: { ...current.patron, language } }, result: undefined };
    });
  }

  /** Remembers a card or thread posted about a case so it can be refreshed for everyone. */
  async recordPost(caseId: string, post: StaffPost): Promise<void> {
    await updateDocument<HandoffCase, void>(this.storage, keys.handoff(caseId), (current) => {
      if (!current) return { result: undefined };
      const posts = current.posts.filter((p) => p.staffConversationKey !== post.staffConversationKey);
      return { next: { ...current, posts: [...posts, post] }, result: undefined };
    });
  }

  /** First claim wins: the write is guarded by the eTag read, so a simultaneous claim conflicts. */
  async claim(
    caseId: string,
    member: StaffMember,
    staffConversation: StaffConversation,
  ): Promise<ClaimResult> {
    const now = this.clock();
    const result = await updateDocument<HandoffCase, ClaimResult>(
      this.storage,
      keys.handoff(caseId),
      (current) => {
        if (!current || current.status !== 'queued') {
          if (current?.status === 'claimed' && current.claimedBy) {
            return {
              result: {
                claimed: false,
                reason: 'already-claimed',
                claimedBy: current.claimedBy,
                handoff: current,
              },
            };
          }
          return { result: { claimed: false, reason: 'not-waiting', handoff: current } };
        }
        const next: HandoffCase = {
          ...current,
          status: 'claimed',
          claimedAt: now.toISOString(),
          claimedBy: member,
          staffConversation,
        };
        return { next, result: { claimed: true, handoff: next } };
      },
    );
    if (result.claimed) {
      await this.storage.write({ [keys.staffConversation(staffConversation.key)]: { caseId } });
      await this.recordStat('claimWaits', (now.getTime() - Date.parse(result.handoff.waitingSince)) / 60000);
      await this.deps.audit.record({
        at: now.toISOString(),
        action: 'claimed',
        caseId,
        actor: member.id,
        actorName: member.name,
      });
    } else {
      await this.deps.audit.record({
        at: now.toISOString(),
        action: 'claim-refused',
        caseId,
        actor: member.id,
        actorName: member.name,
      });
    }
    return result;
  }

  /** The chats a staff member has now (claimed, not ended), longest-claimed first. */
  async claimedBy(staffId: string): Promise<HandoffCase[]> {
    const index = await this.readIndex();
    const open = await readMany<HandoffCase>(this.storage, index.open.map(keys.handoff));
    return open
      .filter((c) => c.status === 'claimed' && c.claimedBy?.id === staffId)
      .map(withoutETag)
      .sort((a, b) => Date.parse(a.claimedAt ?? a.queuedAt) - Date.parse(b.claimedAt ?? b.queuedAt));
  }

  /**
   * Moves the relay of a staff member's own chat to another window of theirs (the workspace was
   * reloaded or opened again), so the patron's next message arrives where they are now.
   */
  async moveToConversation(
    caseId: string,
    member: StaffMember,
    staffConversation: StaffConversation,
  ): Promise<HandoffCase | undefined> {
    const moved = await updateDocument<HandoffCase, HandoffCase | undefined>(
      this.storage,
      keys.handoff(caseId),
      (current) => {
        if (!current || current.status !== 'claimed' || current.claimedBy?.id !== member.id)
          return { result: undefined };
        if (current.staffConversation?.key === staffConversation.key) return { result: current };
        return { next: { ...current, staffConversation }, result: { ...current, staffConversation } };
      },
    );
    if (moved) await this.storage.write({ [keys.staffConversation(staffConversation.key)]: { caseId } });
    return moved;
  }

  /** Hands a claimed case to a colleague, or puts it back in the queue in its original place. */
  async transfer(caseId: string, by: StaffMember, to: TransferTarget): Promise<HandoffCase | undefined> {
    const now = this.clock();
    const updated = await updateDocument<HandoffCase, HandoffCase | undefined>(
      this.storage,
      keys.handoff(caseId),
      (current) => {
        if (!current || current.status !== 'claimed' || current.claimedBy?.id !== by.id)
          return { result: undefined };
        const transfers = [
          ...current.transfers,
          { from: by.id, to: to === 'queue' ? 'queue' : to.member.id, at: now.toISOString() },
        ];
        const next: HandoffCase =
          to === 'queue'
            ? {
                ...current,
                status: 'queued',
                claimedBy: undefined,
                claimedAt: undefined,
                staffConversation: undefined,
                waitingSince: now.toISOString(),
                toldPosition: undefined,
                transfers,
              }
            : {
                ...current,
                claimedBy: to.member,
                staffConversation: to.staffConversation ?? current.staffConversation,
                transfers,
              };
        return { next, result: next };
      },
    );
    if (!updated) return undefined;
    if (to === 'queue') {
      await this.deps.audit.record({
        at: now.toISOString(),
        action: 'returned-to-queue',
        caseId,
        actor: by.id,
        actorName: by.name,
        to: 'queue',
      });
    } else {
      if (updated.staffConversation) {
        await this.storage.write({ [keys.staffConversation(updated.staffConversation.key)]: { caseId } });
      }
      await this.deps.audit.record({
        at: now.toISOString(),
        action: 'transferred',
        caseId,
        actor: by.id,
        actorName: by.name,
        to: to.member.id,
      });
    }
    return updated;
  }

  /** Ends a case; either side may. Returns the case as it was ended, or undefined if already over. */
  async end(caseId: string, by: 'patron' | StaffMember): Promise<HandoffCase | undefined> {
    const now = this.clock();
    const ended = await updateDocument<HandoffCase, HandoffCase | undefined>(
      this.storage,
      keys.handoff(caseId),
      (current) => {
        if (!current || (current.status !== 'queued' && current.status !== 'claimed'))
          return { result: undefined };
        if (by !== 'patron' && current.claimedBy?.id !== by.id) return { result: undefined };
        const next: HandoffCase = {
          ...current,
          status: 'ended',
          endedAt: now.toISOString(),
          endedBy: by === 'patron' ? 'patron' : 'staff',
        };
        return { next, result: next };
      },
    );
    if (!ended) return undefined;
    await this.close(ended, now);
    if (ended.claimedAt)
      await this.recordStat('handleTimes', (now.getTime() - Date.parse(ended.claimedAt)) / 60000);
    await this.deps.audit.record({
      at: now.toISOString(),
      action: 'ended',
      caseId,
      actor: by === 'patron' ? 'patron' : by.id,
      actorName: by === 'patron' ? undefined : by.name,
    });
    return ended;
  }

  /** Cases nobody claimed in time: taken out of the queue so the patron can be offered a message. */
  async expireUnclaimed(): Promise<HandoffCase[]> {
    const now = this.clock();
    const limitMs = this.deps.settings.claimTimeoutSeconds * 1000;
    const expired: HandoffCase[] = [];
    for (const place of await this.queue()) {
      if (now.getTime() - Date.parse(place.handoff.waitingSince) < limitMs) continue;
      const timedOut = await updateDocument<HandoffCase, HandoffCase | undefined>(
        this.storage,
        keys.handoff(place.handoff.id),
        (current) => {
          if (!current || current.status !== 'queued') return { result: undefined };
          const next: HandoffCase = {
            ...current,
            status: 'timed-out',
            endedAt: now.toISOString(),
            endedBy: 'timeout',
          };
          return { next, result: next };
        },
      );
      if (!timedOut) continue;
      await this.close(timedOut, now);
      await this.deps.audit.record({
        at: now.toISOString(),
        action: 'timed-out',
        caseId: timedOut.id,
        actor: 'bot',
      });
      expired.push(timedOut);
    }
    return expired;
  }

  async createTicket(
    patron: PatronConversation,
    contact: ContactPreference,
    message: string,
    summary: StaffSummary,
  ): Promise<Ticket> {
    const now = this.clock();
    const ticket: Ticket = {
      id: this.newId(),
      status: 'open',
      createdAt: now.toISOString(),
      patron,
      contact,
      message,
      summary,
    };
    await this.storage.write({ [keys.ticket(ticket.id)]: { ...ticket } });
    await this.updateIndex((index) => ({
      ...index,
      tickets: [...index.tickets, { id: ticket.id, createdAt: ticket.createdAt }],
    }));
    await this.deps.audit.record({
      at: now.toISOString(),
      action: 'ticket-created',
      ticketId: ticket.id,
      actor: 'patron',
    });
    return ticket;
  }

  async getTicket(id: string): Promise<Ticket | undefined> {
    const found = await readOne<Ticket>(this.storage, keys.ticket(id));
    return found ? withoutETag(found) : undefined;
  }

  /** Tickets not answered yet, oldest first. */
  async openTickets(): Promise<Ticket[]> {
    const index = await this.readIndex();
    const tickets = await readMany<Ticket>(
      this.storage,
      index.tickets.map((t) => keys.ticket(t.id)),
    );
    return tickets
      .filter((t) => t.status !== 'answered')
      .map(withoutETag)
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  }

  /**
   * Tickets staff have not been shown yet, marked as shown in the same guarded write so two staff
   * channels coming online together do not both post them. Call when staff are present.
   */
  async takeTicketsToShow(): Promise<Ticket[]> {
    const now = this.clock();
    const shown: Ticket[] = [];
    for (const ticket of await this.openTickets()) {
      if (ticket.status !== 'open') continue;
      const taken = await updateDocument<Ticket, Ticket | undefined>(
        this.storage,
        keys.ticket(ticket.id),
        (current) => {
          if (!current || current.status !== 'open') return { result: undefined };
          const next: Ticket = { ...current, status: 'shown', shownAt: now.toISOString() };
          return { next, result: next };
        },
      );
      if (!taken) continue;
      await this.deps.audit.record({
        at: now.toISOString(),
        action: 'ticket-shown',
        ticketId: taken.id,
        actor: 'bot',
      });
      shown.push(taken);
    }
    return shown;
  }

  /** Marks a ticket answered (once); the bot layer delivers the staff member's reply. */
  async answerTicket(ticketId: string, member: StaffMember): Promise<Ticket | undefined> {
    const now = this.clock();
    const answered = await updateDocument<Ticket, Ticket | undefined>(
      this.storage,
      keys.ticket(ticketId),
      (current) => {
        if (!current || current.status === 'answered') return { result: undefined };
        const next: Ticket = {
          ...current,
          status: 'answered',
          answeredAt: now.toISOString(),
          answeredBy: member,
        };
        return { next, result: next };
      },
    );
    if (answered) {
      await this.deps.audit.record({
        at: now.toISOString(),
        action: 'ticket-answered',
        ticketId,
        actor: member.id,
        actorName: member.name,
      });
    }
    return answered;
  }

  /** Deletes finished cases and tickets past their retention period, and old audit days. */
  async purgeExpired(): Promise<{ cases: number; tickets: number; auditEntries: number }> {
    const now = this.clock();
    const { transcriptRetentionDays, ticketRetentionDays, auditRetentionDays } = this.deps.settings;
    const caseCutoff = now.getTime() - transcriptRetentionDays * dayMs;
    const ticketCutoff = now.getTime() - ticketRetentionDays * dayMs;
    const index = await this.readIndex();
    const oldCases = index.closed.filter((c) => Date.parse(c.closedAt) <= caseCutoff).map((c) => c.id);
    const oldTickets = index.tickets.filter((t) => Date.parse(t.createdAt) <= ticketCutoff).map((t) => t.id);
    const cases = await readMany<HandoffCase>(this.storage, oldCases.map(keys.handoff));
    const pointerKeys = cases.flatMap((c) => [
      keys.patron(c.patron.key),
      ...(c.staffConversation ? [keys.staffConversation(c.staffConversation.key)] : []),
    ]);
    // A pointer may since lead to a newer case; only those still naming an old case go.
    const pointers = await this.storage.read(pointerKeys);
    const stalePointers = pointerKeys.filter((k) => oldCases.includes(String(pointers[k]?.caseId)));
    const toDelete = [...oldCases.map(keys.handoff), ...oldTickets.map(keys.ticket), ...stalePointers];
    if (toDelete.length > 0) await this.storage.delete(toDelete);
    await this.updateIndex((current) => ({
      ...current,
      closed: current.closed.filter((c) => !oldCases.includes(c.id)),
      tickets: current.tickets.filter((t) => !oldTickets.includes(t.id)),
    }));
    const auditEntries = await this.deps.audit.purgeOlderThan(
      new Date(now.getTime() - auditRetentionDays * dayMs),
    );
    if (oldCases.length + oldTickets.length > 0) {
      await this.deps.audit.record({
        at: now.toISOString(),
        action: 'purged',
        actor: 'bot',
        count: oldCases.length + oldTickets.length,
      });
    }
    return { cases: oldCases.length, tickets: oldTickets.length, auditEntries };
  }

  private async close(handoff: HandoffCase, now: Date): Promise<void> {
    await this.updateIndex((index) => ({
      ...index,
      open: index.open.filter((id) => id !== handoff.id),
      closed: [...index.closed, { id: handoff.id, closedAt: now.toISOString() }],
    }));
  }

  private async readIndex(): Promise<OpenIndex> {
    return (await readOne<OpenIndex>(this.storage, keys.index)) ?? { open: [], closed: [], tickets: [] };
  }

  private async updateIndex(change: (index: OpenIndex) => OpenIndex): Promise<void> {
    await updateDocument<OpenIndex, void>(this.storage, keys.index, (current) => ({
      next: change(current ?? { open: [], closed: [], tickets: [] }),
      result: undefined,
    }));
  }

  private async recordStat(field: keyof Stats, minutes: number): Promise<void> {
    await updateDocument<Stats, void>(this.storage, keys.stats, (current) => {
      const stats = current ?? { claimWaits: [], handleTimes: [] };
      return {
        next: { ...stats, [field]: [...stats[field], Math.max(0, minutes)].slice(-20) },
        result: undefined,
      };
    });
  }
}

function average(values: number[], fallback: number): number {
  return values.length === 0 ? fallback : values.reduce((a, b) => a + b, 0) / values.length;
}

function withoutETag<T extends object>(document: T & { eTag?: string }): T {
  const { eTag: _eTag, ...rest } = document;
  return rest as T;
}

import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { createHandoff, type HandoffStorage, type QueuePlace } from '../../library/handoff';
import {
  alex,
  consoleConversation,
  demoConfig,
  handoffWithStaff,
  mondayMorning,
  patron,
  sam,
  summary,
  TestClock,
} from './support';

/** Holds every read's answer for a turn of the event loop, so concurrent callers act on the same version. */
class InterleavingStorage implements HandoffStorage {
  conflicts = 0;
  constructor(private readonly inner: HandoffStorage) {}
  async read(keys: string[]) {
    const items = await this.inner.read(keys);
    await new Promise((resolve) => setImmediate(resolve));
    return items;
  }
  async write(changes: Parameters<HandoffStorage['write']>[0]) {
    try {
      await this.inner.write(changes);
    } catch (error) {
      this.conflicts++;
      throw error;
    }
  }
  delete(keys: string[]) {
    return this.inner.delete(keys);
  }
}

function queued(
  outcome: Awaited<ReturnType<import('../../library/handoff').HandoffService['requestHandoff']>>,
) {
  if (outcome.outcome !== 'queued') throw new Error(`expected to be queued, got ${outcome.outcome}`);
  return outcome;
}

describe('handoff: queue, claim, relay, transfer, end', () => {
  it('serves the longest-waiting patron first and tells each their position and expected wait', async () => {
    const { handoff, clock } = await handoffWithStaff();
    const first = queued(await handoff.service.requestHandoff(patron(1), summary));
    clock.advanceMinutes(1);
    const second = queued(await handoff.service.requestHandoff(patron(2), summary));
    clock.advanceMinutes(1);
    const third = queued(await handoff.service.requestHandoff(patron(3), summary));
    expect([first.position, second.position, third.position]).to.deep.equal([1, 2, 3]);
    expect(first.expectedWaitMinutes).to.be.at.most(second.expectedWaitMinutes);
    expect(second.expectedWaitMinutes).to.be.below(third.expectedWaitMinutes);

    const order = (places: QueuePlace[]) => places.map((p) => p.handoff.patron.key);
    expect(order(await handoff.service.queue())).to.deep.equal([patron(1).key, patron(2).key, patron(3).key]);

    // Sam takes the longest-waiting patron; the others move up.
    await handoff.service.claim(first.handoff.id, sam, consoleConversation(sam));
    const after = await handoff.service.queue();
    expect(order(after)).to.deep.equal([patron(2).key, patron(3).key]);
    expect(after.map((p) => p.position)).to.deep.equal([1, 2]);

    // Put back in the queue, patron 1 keeps the place their wait earned.
    await handoff.service.transfer(first.handoff.id, sam, 'queue');
    expect(order(await handoff.service.queue())).to.deep.equal([patron(1).key, patron(2).key, patron(3).key]);
  });

  it('does not queue the same patron conversation twice', async () => {
    const { handoff } = await handoffWithStaff();
    const first = queued(await handoff.service.requestHandoff(patron(1), summary));
    const again = await handoff.service.requestHandoff(patron(1), summary);
    expect(again.outcome).to.equal('already-open');
    if (again.outcome === 'already-open') expect(again.handoff.id).to.equal(first.handoff.id);
    expect(await handoff.service.queue()).to.have.length(1);
  });

  it('never queues a patron when nobody can come', async () => {
    const clock = new TestClock(new Date(mondayMorning));
    const handoff = createHandoff(demoConfig(), new MemoryStorage(), { clock: clock.now });
    await handoff.service.init();
    const outcome = await handoff.service.requestHandoff(patron(1), summary);
    expect(outcome).to.deep.equal({
      outcome: 'unavailable',
      available: false,
      reason: 'nobody-present',
      staffedUntil: new Date('2026-12-01T02:00:00Z'),
      nextPeriod: new Date('2026-12-01T15:00:00Z'),
    });
    expect(await handoff.service.queue()).to.deep.equal([]);
  });

  for (const claimants of [2, 5]) {
    it(`lets exactly one of ${claimants} simultaneous claims win; the others learn who has it`, async () => {
      const storage = new InterleavingStorage(new MemoryStorage());
      const staff = Array.from({ length: claimants }, (_, i) => ({
        id: `staff-${i}`,
        name: `Staff ${i}`,
        channel: 'console' as const,
      }));
      const { handoff } = await handoffWithStaff(storage, undefined, staff);
      const { handoff: waiting } = queued(await handoff.service.requestHandoff(patron(1), summary));
      const results = await Promise.all(
        staff.map((member) => handoff.service.claim(waiting.id, member, consoleConversation(member))),
      );
      // The claims really collided on the eTag, rather than running one after another.
      expect(storage.conflicts).to.be.greaterThan(0);
      const winners = results.filter((r) => r.claimed);
      expect(winners).to.have.length(1);
      const winner = winners[0].handoff.claimedBy;
      for (const loser of results.filter((r) => !r.claimed)) {
        expect(loser).to.include({ claimed: false, reason: 'already-claimed' });
        if (!loser.claimed && loser.reason === 'already-claimed')
          expect(loser.claimedBy).to.deep.equal(winner);
      }
      const stored = await handoff.service.getCase(waiting.id);
      expect(stored?.claimedBy).to.deep.equal(winner);
      const audit = await handoff.audit.entries();
      expect(audit.filter((e) => e.action === 'claimed')).to.have.length(1);
      expect(audit.filter((e) => e.action === 'claim-refused')).to.have.length(claimants - 1);
    });
  }

  it('routes the relay both ways while claimed, and a transfer moves the staff side', async () => {
    const { handoff } = await handoffWithStaff(undefined, undefined, [sam, alex]);
    const { handoff: waiting } = queued(await handoff.service.requestHandoff(patron(1), summary));
    await handoff.service.claim(waiting.id, sam, consoleConversation(sam));
    expect((await handoff.service.openCaseForPatron(patron(1).key))?.staffConversation?.key).to.equal(
      consoleConversation(sam).key,
    );
    expect(
      (await handoff.service.caseForStaffConversation(consoleConversation(sam).key))?.patron.key,
    ).to.equal(patron(1).key);

    // Only the staff member holding the case may pass it on.
    expect(await handoff.service.transfer(waiting.id, alex, { member: alex })).to.equal(undefined);
    const moved = await handoff.service.transfer(waiting.id, sam, {
      member: alex,
      staffConversation: consoleConversation(alex),
    });
    expect(moved?.claimedBy).to.deep.equal(alex);
    expect(await handoff.service.caseForStaffConversation(consoleConversation(sam).key)).to.equal(undefined);
    expect((await handoff.service.caseForStaffConversation(consoleConversation(alex).key))?.id).to.equal(
      waiting.id,
    );

    // Sam can no longer end it; Alex can, once.
    expect(await handoff.service.end(waiting.id, sam)).to.equal(undefined);
    expect((await handoff.service.end(waiting.id, alex))?.endedBy).to.equal('staff');
    expect(await handoff.service.end(waiting.id, 'patron')).to.equal(undefined);
    expect(await handoff.service.openCaseForPatron(patron(1).key)).to.equal(undefined);
    expect(await handoff.service.caseForStaffConversation(consoleConversation(alex).key)).to.equal(undefined);

    const actions = (await handoff.audit.entries()).map((e) => [e.action, e.actor, e.to]);
    expect(actions).to.deep.equal([
      ['queued', 'patron', undefined],
      ['claimed', sam.id, undefined],
      ['transferred', sam.id, alex.id],
      ['ended', alex.id, undefined],
    ]);
  });

  it('lets the patron end a case while waiting or while talking', async () => {
    const { handoff } = await handoffWithStaff();
    const { handoff: waiting } = queued(await handoff.service.requestHandoff(patron(1), summary));
    expect((await handoff.service.end(waiting.id, 'patron'))?.endedBy).to.equal('patron');
    expect(await handoff.service.queue()).to.deep.equal([]);
    const { handoff: again } = queued(await handoff.service.requestHandoff(patron(1), summary));
    expect(again.id).not.to.equal(waiting.id);
  });

  it('times out a case nobody claimed in the configured time, once', async () => {
    const { handoff, clock } = await handoffWithStaff();
    const { handoff: early } = queued(await handoff.service.requestHandoff(patron(1), summary));
    clock.advanceMinutes(1);
    queued(await handoff.service.requestHandoff(patron(2), summary));
    clock.advanceMinutes(1); // patron 1 has waited 120 s (the demo's claimTimeoutSeconds), patron 2 60 s
    const expired = await handoff.service.expireUnclaimed();
    expect(expired.map((c) => [c.id, c.status, c.endedBy])).to.deep.equal([
      [early.id, 'timed-out', 'timeout'],
    ]);
    expect(await handoff.service.expireUnclaimed()).to.deep.equal([]);
    expect((await handoff.service.queue()).map((p) => p.handoff.patron.key)).to.deep.equal([patron(2).key]);
    const claim = await handoff.service.claim(early.id, sam, consoleConversation(sam));
    expect(claim).to.include({ claimed: false, reason: 'not-waiting' });
  });

  it('keeps queue and relay across a restart (a new service on the same storage)', async () => {
    const storage = new MemoryStorage();
    const { handoff } = await handoffWithStaff(storage);
    const { handoff: waiting } = queued(await handoff.service.requestHandoff(patron(1), summary));
    await handoff.service.claim(waiting.id, sam, consoleConversation(sam));
    const { handoff: restarted } = await handoffWithStaff(storage);
    const found = await restarted.service.caseForStaffConversation(consoleConversation(sam).key);
    expect(found?.patron).to.deep.equal(patron(1));
    expect((await restarted.service.openCaseForPatron(patron(1).key))?.status).to.equal('claimed');
  });
});

describe('handoff: tickets when nobody is there', () => {
  it('takes a message after hours, shows it to staff once when they are present, and is answered once', async () => {
    const clock = new TestClock(new Date('2026-12-01T03:00:00Z')); // Monday 21:00, after chat hours
    const { handoff } = await handoffWithStaff(new MemoryStorage(), clock, []);
    const outcome = await handoff.service.requestHandoff(patron(1), summary);
    expect(outcome).to.deep.include({ outcome: 'unavailable', reason: 'outside-chat-hours' });
    const ticket = await handoff.service.createTicket(
      patron(1),
      { kind: 'email', email: 'pat@example.org' },
      'Do you have a scanner I can use?',
      summary,
    );
    expect(ticket.status).to.equal('open');

    clock.set('2026-12-01T15:05:00Z'); // Tuesday 09:05
    await handoff.presence.markPresent(sam, clock.now(), consoleConversation(sam));
    const shown = await Promise.all([
      handoff.service.takeTicketsToShow(),
      handoff.service.takeTicketsToShow(),
    ]);
    expect(shown.flat().map((t) => t.id)).to.deep.equal([ticket.id]);
    expect((await handoff.service.openTickets()).map((t) => t.status)).to.deep.equal(['shown']);

    const answered = await handoff.service.answerTicket(ticket.id, sam);
    expect(answered?.patron).to.deep.equal(patron(1));
    expect(answered?.contact).to.deep.equal({ kind: 'email', email: 'pat@example.org' });
    expect(await handoff.service.answerTicket(ticket.id, alex)).to.equal(undefined);
    expect(await handoff.service.openTickets()).to.deep.equal([]);

    const audit = await handoff.audit.entries();
    expect(audit.map((e) => e.action)).to.deep.equal(['ticket-created', 'ticket-shown', 'ticket-answered']);
    expect(JSON.stringify(audit)).not.to.contain('scanner');
  });
});

describe('handoff: retention', () => {
  it('purges finished cases and tickets after the retention period, and old audit days', async () => {
    const storage = new MemoryStorage();
    const { handoff, clock } = await handoffWithStaff(storage);
    const { handoff: done } = queued(await handoff.service.requestHandoff(patron(1), summary));
    await handoff.service.claim(done.id, sam, consoleConversation(sam));
    await handoff.service.end(done.id, sam);
    const ticket = await handoff.service.createTicket(
      patron(2),
      { kind: 'this-chat' },
      'call me back',
      summary,
    );
    const { handoff: live } = queued(await handoff.service.requestHandoff(patron(3), summary));

    clock.advanceMinutes(29 * 24 * 60);
    expect(await handoff.service.purgeExpired()).to.deep.equal({ cases: 0, tickets: 0, auditEntries: 0 });
    expect(await handoff.service.getCase(done.id)).to.not.equal(undefined);

    clock.advanceMinutes(2 * 24 * 60); // 31 days: past the demo's 30-day retention
    expect(await handoff.service.purgeExpired()).to.deep.equal({ cases: 1, tickets: 1, auditEntries: 0 });
    expect(await handoff.service.getCase(done.id)).to.equal(undefined);
    expect(await handoff.service.getTicket(ticket.id)).to.equal(undefined);
    // A case still open is never purged.
    expect((await handoff.service.getCase(live.id))?.status).to.equal('queued');

    clock.advanceMinutes(366 * 24 * 60);
    const before = (await handoff.audit.entries()).length;
    expect(before).to.be.greaterThan(0);
    expect((await handoff.service.purgeExpired()).auditEntries).to.equal(before);
    expect(await handoff.audit.entries()).to.deep.equal([]);
  });
});

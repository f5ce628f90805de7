import { expect } from 'chai';
import { LibrarySystemUnavailableError } from '../../library/librarySystem/errors';
import { injectFaults } from '../librarySystem/faultInjection';
import { guardLibrarySystem } from '../../library/librarySystem/guardedLibrarySystem';
import { PatronSessions, type SignInResult } from '../../library/patronSessions/patronSessions';
import { openDemoFixture, type DemoFixture } from '../librarySystem/demoFixture';
import { MemoryStateStorage } from '../../storage/memoryStateStorage';

const minute = 60_000;
const settings = { maxFailures: 5, lockMinutes: 15, idleMinutes: 15 };

describe('patron sessions', () => {
  let fixture: DemoFixture;
  let now: number;
  let sessions: PatronSessions;
  let storage: MemoryStateStorage;
  /** What the storage holds, as it holds it (JSON per key). */
  let memory: Record<string, string>;
  const faults = { down: false };

  beforeEach(async () => {
    fixture = await openDemoFixture();
    now = Date.parse('2026-03-10T20:00:00Z');
    faults.down = false;
    memory = {};
    storage = new MemoryStateStorage(memory);
    const faulty = injectFaults(fixture.system);
    const system = guardLibrarySystem(
      {
        ...faulty,
        verifyPatron: (card, pin) => {
          faulty.setFault(faults.down ? 'down' : 'none');
          return faulty.verifyPatron(card, pin);
        },
      },
      { timeoutMs: 5000 },
    );
    sessions = new PatronSessions({
      librarySystem: system,
      storage,
      settings,
      secret: 'test-secret',
      now: () => now,
    });
  });
  afterEach(() => fixture.cleanup());

  async function fail(
    conversation: string,
    card = '21000000000001',
    times = 1,
    client?: string,
  ): Promise<SignInResult> {
    let result: SignInResult | undefined;
    for (let i = 0; i < times; i += 1) result = await sessions.signIn(conversation, card, '0000', client);
    return result as SignInResult;
  }

  it('signs a patron in for this conversation only, keeping no PIN or full card number', async () => {
    const result = await sessions.signIn('webchat:A', '21000000000001', '2468');
    expect(result.ok).to.equal(true);
    const lookup = await sessions.lookup('webchat:A');
    expect(lookup.state).to.equal('signed-in');
    if (lookup.state !== 'signed-in') return;
    expect(lookup.session).to.include({ name: 'Jordan Ellis', homeBranchId: 'main' });
    expect(lookup.session.patronKey).to.match(/^[0-9a-f]{32}$/);
    const serialized = JSON.stringify(lookup.session);
    expect(serialized).to.not.include('21000000000001');
    expect(serialized).to.not.include('2468');
    expect(await sessions.lookup('webchat:B')).to.deep.equal({ state: 'signed-out' });
  });

  it('keeps the session in the shared storage: another instance on it sees the patron signed in', async () => {
    await sessions.signIn('webchat:A', '21000000000001', '2468');
    const stored = JSON.stringify(memory);
    expect(stored).to.include('patron-sign-in/session/');
    for (const secret of ['21000000000001', '2468', 'Jordan']) expect(stored).to.not.include(secret);
    const other = new PatronSessions({
      librarySystem: fixture.system,
      storage,
      settings,
      secret: 'test-secret',
      now: () => now,
    });
    const lookup = await other.lookup('webchat:A');
    expect(lookup.state === 'signed-in' && lookup.session.name).to.equal('Jordan Ellis');
    now += 16 * minute;
    expect(await other.lookup('webchat:A')).to.deep.equal({ state: 'expired' });
    expect(await sessions.lookup('webchat:A')).to.deep.equal({ state: 'signed-out' });
  });

  it('answers a wrong PIN and an unknown card the same way', async () => {
    const wrongPin = await sessions.signIn('webchat:A', '21000000000001', '1111');
    const unknownCard = await sessions.signIn('webchat:B', '21999999999999', '2468');
    expect(wrongPin).to.deep.equal({ ok: false, reason: 'not-verified', attemptsLeft: 4 });
    expect(unknownCard).to.deep.equal({ ok: false, reason: 'not-verified', attemptsLeft: 4 });
  });

  it('locks a card on the client that failed maxFailures times, in all its conversations, until lockMinutes pass', async () => {
    const stranger = 'sms:+15550009999';
    const attempts: SignInResult[] = [];
    for (let i = 0; i < 5; i += 1)
      attempts.push(await sessions.signIn(`sms:${i}`, '21000000000001', '1111', stranger));
    expect(attempts.slice(0, 4).map((a) => a.ok === false && a.reason)).to.deep.equal(
      Array(4).fill('not-verified'),
    );
    expect(attempts[4]).to.deep.equal({ ok: false, reason: 'locked', retryAfterMinutes: 15 });
    // Even the right PIN is refused on that client while locked, from a fresh conversation too.
    expect(await sessions.signIn('sms:new', '2100 0000 0000 01', '2468', stranger)).to.deep.equal({
      ok: false,
      reason: 'locked',
      retryAfterMinutes: 15,
    });
    now += 15 * minute;
    expect((await sessions.signIn('sms:new', '21000000000001', '2468', stranger)).ok).to.equal(true);
  });

  it("a stranger's 5 bad PINs for a card do not lock its patron out on the patron's own client", async () => {
    for (let i = 0; i < 5; i += 1)
      await sessions.signIn(`webchat:s${i}`, '21000000000001', '1111', 'dl_stranger');
    expect(await sessions.signIn('webchat:s9', '21000000000001', '2468', 'dl_stranger')).to.include({
      reason: 'locked',
    });
    expect((await sessions.signIn('webchat:patron', '21000000000001', '2468', 'dl_patron')).ok).to.equal(
      true,
    );
  });

  it('locks a card for every client only at ten times maxFailures, and four times longer', async () => {
    sessions = new PatronSessions({
      librarySystem: fixture.system,
      storage,
      settings,
      secret: 'test-secret',
      now: () => now,
      throttles: { global: 1000 },
    });
    for (let i = 0; i < 49; i += 1) {
      const result = await sessions.signIn(`webchat:${i}`, '21000000000001', '1111', `dl_${i}`);
      expect(result.ok === false && result.reason, `attempt ${i + 1}`).to.equal('not-verified');
    }
    expect(await sessions.signIn('webchat:49', '21000000000001', '1111', 'dl_49')).to.deep.equal({
      ok: false,
      reason: 'locked',
      retryAfterMinutes: 60,
    });
    expect(await sessions.signIn('webchat:new', '21000000000001', '2468', 'dl_new')).to.include({
      reason: 'locked',
    });
    now += 60 * minute;
    expect((await sessions.signIn('webchat:new', '21000000000001', '2468', 'dl_new')).ok).to.equal(true);
  });

  it('one PIN tried against 30 cards from fresh conversations and clients runs out of the library-wide budget', async () => {
    // The library-wide budget is 4 x maxFailures = 20 failures per lock period.
    const results: SignInResult[] = [];
    for (let i = 0; i < 30; i += 1) {
      const card = `2100000000${String(1000 + i).padStart(4, '0')}`;
      results.push(await sessions.signIn(`webchat:fresh-${i}`, card, '2468', `dl_fresh_${i}`));
    }
    const reasons = results.map((r) => (r.ok ? 'ok' : r.reason));
    expect(reasons.slice(0, 19)).to.deep.equal(Array(19).fill('not-verified'));
    expect(reasons.slice(19)).to.deep.equal(Array(11).fill('locked'));
    // The same polite pause for everyone until the lock period is over, then sign-in works again.
    expect(await sessions.signIn('webchat:patron', '21000000000001', '2468', 'dl_patron')).to.include({
      reason: 'locked',
    });
    now += 15 * minute;
    expect((await sessions.signIn('webchat:patron', '21000000000001', '2468', 'dl_patron')).ok).to.equal(
      true,
    );
  });

  it('locks a client (an SMS number) that tries many cards at twice maxFailures, across conversations', async () => {
    const phone = 'sms:+15550004444';
    for (let i = 0; i < 9; i += 1) {
      const result = await sessions.signIn(`sms:c${i}`, `2100000000020${i}`, '1111', phone);
      expect(result.ok === false && result.reason, `attempt ${i + 1}`).to.equal('not-verified');
    }
    expect(await sessions.signIn('sms:c9', '21000000000209', '1111', phone)).to.include({ reason: 'locked' });
    expect(await sessions.signIn('sms:c10', '21000000000002', '1357', phone)).to.include({
      reason: 'locked',
    });
    expect((await sessions.signIn('sms:other', '21000000000002', '1357', 'sms:+15550005555')).ok).to.equal(
      true,
    );
  });

  it('locks a conversation that tries many card numbers, without locking other conversations', async () => {
    for (let i = 0; i < 5; i += 1) await sessions.signIn('webchat:A', `2100000000010${i}`, '1234');
    const locked = await sessions.signIn('webchat:A', '21000000000002', '1357');
    expect(locked).to.deep.equal({ ok: false, reason: 'locked', retryAfterMinutes: 15 });
    expect((await sessions.signIn('webchat:B', '21000000000002', '1357')).ok).to.equal(true);
  });

  it('doubles the lock each time it is earned again', async () => {
    expect(await fail('webchat:A', '21000000000001', 5, 'dl_1')).to.include({
      reason: 'locked',
      retryAfterMinutes: 15,
    });
    now += 15 * minute;
    expect(await fail('webchat:B', '21000000000001', 5, 'dl_1')).to.include({
      reason: 'locked',
      retryAfterMinutes: 30,
    });
  });

  it('forgets occasional failures after a lock period', async () => {
    await fail('webchat:A', '21000000000001', 4);
    now += 16 * minute;
    expect(await fail('webchat:A')).to.deep.equal({ ok: false, reason: 'not-verified', attemptsLeft: 4 });
  });

  it('a successful sign-in clears the failures', async () => {
    await fail('webchat:A', '21000000000001', 4);
    expect((await sessions.signIn('webchat:A', '21000000000001', '2468')).ok).to.equal(true);
    expect(await fail('webchat:A')).to.deep.equal({ ok: false, reason: 'not-verified', attemptsLeft: 4 });
  });

  it('ends a session after idleMinutes without activity, and says so once', async () => {
    await sessions.signIn('webchat:A', '21000000000001', '2468');
    now += 10 * minute;
    expect((await sessions.lookup('webchat:A')).state).to.equal('signed-in');
    now += 14 * minute;
    expect((await sessions.lookup('webchat:A')).state).to.equal('signed-in');
    now += 15 * minute;
    expect(await sessions.lookup('webchat:A')).to.deep.equal({ state: 'expired' });
    expect(await sessions.lookup('webchat:A')).to.deep.equal({ state: 'signed-out' });
  });

  it('signs out on request', async () => {
    await sessions.signIn('webchat:A', '21000000000002', '1357');
    expect(await sessions.signOut('webchat:A')).to.equal(true);
    expect(await sessions.lookup('webchat:A')).to.deep.equal({ state: 'signed-out' });
    expect(await sessions.signOut('webchat:A')).to.equal(false);
  });

  it('keeps a typed card number sealed for the PIN turn, briefly and per conversation', async () => {
    await sessions.rememberCard('webchat:A', '21000000000002');
    // Sealed with the server secret: the shared storage never holds the readable number.
    expect(JSON.stringify(memory)).to.include('patron-sign-in/card/').and.not.include('21000000000002');
    expect(await sessions.hasPendingCard('webchat:B')).to.equal(false);
    expect(await sessions.signInWithPin('webchat:B', '1357')).to.equal(undefined);
    expect(await sessions.hasPendingCard('webchat:A')).to.equal(true);
    expect((await sessions.signInWithPin('webchat:A', '1357'))?.ok).to.equal(true);
    // Used once.
    expect(await sessions.signInWithPin('webchat:A', '1357')).to.equal(undefined);
    await sessions.rememberCard('webchat:C', '21000000000002');
    now += 10 * minute;
    expect(await sessions.hasPendingCard('webchat:C')).to.equal(false);
    expect(await sessions.signInWithPin('webchat:C', '1357')).to.equal(undefined);
  });

  it('does not count an outage as a failed attempt', async () => {
    faults.down = true;
    for (let i = 0; i < 6; i += 1) {
      let error: unknown;
      try {
        await sessions.signIn('webchat:A', '21000000000001', '2468');
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(LibrarySystemUnavailableError);
    }
    faults.down = false;
    expect((await sessions.signIn('webchat:A', '21000000000001', '2468')).ok).to.equal(true);
  });
});

import { expect } from 'chai';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PatronNotVerifiedError } from '../../library/librarySystem/errors';
import type { CatalogRecord, Hold, LibrarySystem } from '../../library/librarySystem/librarySystem';
import { demoCatalog } from '../../library/librarySystem/demo/catalogSeed';
import { demoPatrons, hashPin } from '../../library/librarySystem/demo/demoLibrarySystem';
import { openDemoFixture, openDemoWorld, rejection, type DemoFixture } from './demoFixture';
import { librarySystemContract } from './librarySystemContract';

librarySystemContract('demo library system', () => openDemoWorld());

async function signIn(system: LibrarySystem, index: number): Promise<string> {
  const patron = demoPatrons[index];
  return (await system.verifyPatron(patron.card, patron.pin)).patronId;
}

async function findRecord(system: LibrarySystem, title: string, format: CatalogRecord['format']) {
  const [record] = await system.searchCatalog({ title, format, limit: 1 });
  expect(record, `${title} (${format})`).to.not.equal(undefined);
  expect(record.title).to.equal(title);
  return record;
}

function byTitle(holds: Hold[], title: string): Hold {
  const hold = holds.find((h) => h.title === title);
  expect(hold, title).to.not.equal(undefined);
  return hold as Hold;
}

describe('demo library system', () => {
  let fixture: DemoFixture;
  beforeEach(async () => {
    fixture = await openDemoFixture();
  });
  afterEach(() => fixture.cleanup());

  describe('catalog seed', () => {
    it('has at least 300 titles in all five formats, including the documented ones', async () => {
      const works = demoCatalog();
      expect(new Set(works.map((w) => w.title.toLowerCase())).size).to.be.at.least(300);
      const formats = new Set(works.flatMap((w) => w.formats));
      expect([...formats].sort()).to.deep.equal(['audiobook', 'book', 'dvd', 'ebook', 'large-print']);
      const midnight = await fixture.system.searchCatalog({
        title: 'The Midnight Library',
        author: 'Matt Haig',
      });
      expect(
        midnight.filter((r) => r.title === 'The Midnight Library').map((r) => r.format),
      ).to.include.members(['book', 'audiobook']);
      expect((await findRecord(fixture.system, 'Project Hail Mary', 'book')).author).to.equal('Andy Weir');
      expect((await findRecord(fixture.system, 'Lessons in Chemistry', 'book')).author).to.equal(
        'Bonnie Garmus',
      );
      for (const work of works) {
        expect(work.year, work.title).to.be.within(1800, 2026);
        expect(work.subjects.length, work.title).to.be.greaterThan(0);
      }
    });

    it('keeps PINs as scrypt hashes and card numbers only as keyed hashes', async () => {
      // A patron who never set a PIN cannot sign in, whatever is typed.
      expect(await rejection(fixture.system.verifyPatron('21000000090001', 'none'))).to.be.instanceOf(
        PatronNotVerifiedError,
      );
      fixture.system.close();
      const db = new Database(join(fixture.dataDir, 'demo-library-system.sqlite'), { readonly: true });
      const rows = db.prepare('SELECT pin_hash, card_key FROM patrons').all() as {
        pin_hash: string;
        card_key: string;
      }[];
      db.close();
      const hashed = rows.filter((row) => row.pin_hash !== 'none');
      expect(hashed.length).to.equal(demoPatrons.length);
      for (const row of hashed)
        expect(row.pin_hash).to.match(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
      const file = readFileSync(join(fixture.dataDir, 'demo-library-system.sqlite')).toString('latin1');
      for (const patron of demoPatrons) expect(file).to.not.include(patron.card);
    });

    it('hashes PINs with scrypt at N=16384 by default', async () => {
      const hash = await hashPin('2468');
      expect(hash).to.match(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
      expect(hash).to.not.equal(await hashPin('2468'));
    });

    it('keeps its data across a restart without seeding again', async () => {
      const patronId = await signIn(fixture.system, 1);
      const record = await findRecord(fixture.system, 'Circe', 'book');
      await fixture.system.placeHold(patronId, { recordId: record.recordId, pickupBranchId: 'eastside' });
      const reopened = await fixture.reopen();
      const holds = await reopened.listHolds(await signIn(reopened, 1));
      expect(holds.map((h) => h.title)).to.deep.equal(['Circe']);
      expect(
        (await reopened.searchCatalog({ title: 'Circe' })).filter((r) => r.format === 'book'),
      ).to.have.length(1);
    });
  });

  describe('demo patrons', () => {
    it('seeds the documented profiles (the contract suite checks names, branches and blocks)', async () => {
      const jordan = await fixture.system.verifyPatron('21000000000001', '2468');
      expect(jordan).to.include({ name: 'Jordan Ellis', homeBranchId: 'main', holdLimit: 15 });
      expect(jordan.blocks).to.deep.equal([]);
      expect((await fixture.system.verifyPatron('21000000000002', '1357')).homeBranchId).to.equal('eastside');
      const casey = await fixture.system.verifyPatron('21000000000003', '9999');
      expect(casey.blocks).to.deep.equal([{ kind: 'fines', description: '$42.50 in unpaid fines' }]);
    });
  });

  describe('listHolds', () => {
    it('keeps the ready hold current when the demo is started again later', async () => {
      fixture.clock.now = new Date('2026-04-20T15:00:00Z');
      const reopened = await fixture.reopen();
      const ready = byTitle(await reopened.listHolds(await signIn(reopened, 0)), 'The Midnight Library');
      expect(ready.status).to.deep.equal({ state: 'ready', pickUpBy: '2026-04-25' });
    });
  });

  describe('searchCatalog', () => {
    it('finds a title and author from a patron phrase, forgiving a typo', async () => {
      const results = await fixture.system.searchCatalog({ keywords: 'the midnight libary by matt haig' });
      expect(results.length).to.be.at.least(2);
      expect(results.every((r) => r.title === 'The Midnight Library')).to.equal(true);
      expect(results[0]).to.include({ author: 'Matt Haig', year: 2020, format: 'book', holdable: true });
      const ebook = results.find((r) => r.format === 'ebook');
      expect(ebook?.holdable).to.equal(false);
    });

    it('searches by author and by subject, filters by format and limits', async () => {
      const weir = await fixture.system.searchCatalog({ author: 'Andy Weir' });
      expect(new Set(weir.map((r) => r.title))).to.deep.equal(
        new Set(['Artemis', 'Project Hail Mary', 'The Martian']),
      );
      const dvds = await fixture.system.searchCatalog({ keywords: 'animation', format: 'dvd' });
      expect(dvds.map((r) => r.title).sort()).to.deep.equal(['My Neighbor Totoro', 'Spirited Away']);
      expect(await fixture.system.searchCatalog({ keywords: 'world war ii', limit: 3 })).to.have.length(3);
    });
  });

  describe('placeHold', () => {
    it('joins the queue behind the holds already waiting', async () => {
      const patronId = await signIn(fixture.system, 1);
      const record = await findRecord(fixture.system, 'Project Hail Mary', 'book');
      const hold = await fixture.system.placeHold(patronId, {
        recordId: record.recordId,
        pickupBranchId: 'eastside',
      });
      expect(hold).to.include({ title: 'Project Hail Mary', format: 'book', pickupBranchId: 'eastside' });
      expect(hold.placedOn).to.equal('2026-03-10');
      expect(hold.status).to.deep.equal({ state: 'waiting', queuePosition: 4, queueLength: 4 });
    });

    it('traps a copy on the shelf right away, preferring one at the pickup branch', async () => {
      const patronId = await signIn(fixture.system, 1);
      const record = await findRecord(fixture.system, 'Circe', 'book');
      const shelf = fixture.system.copiesOf(record.recordId).filter((c) => c.status === 'available');
      expect(shelf.length).to.be.greaterThan(0);
      const hold = await fixture.system.placeHold(patronId, {
        recordId: record.recordId,
        pickupBranchId: shelf[0].branchId,
      });
      expect(hold.status).to.deep.equal({ state: 'in-transit' });
      const trapped = fixture.system.copiesOf(record.recordId).find((c) => c.status === 'on-hold');
      expect(trapped?.branchId).to.equal(shelf[0].branchId);
    });
  });

  describe('cancelHold', () => {
    it('cancels a hold and moves the rest of the queue up', async () => {
      const jordan = await signIn(fixture.system, 0);
      const sam = await signIn(fixture.system, 1);
      const record = await findRecord(fixture.system, 'Project Hail Mary', 'book');
      const samsHold = await fixture.system.placeHold(sam, {
        recordId: record.recordId,
        pickupBranchId: 'main',
      });
      expect(samsHold.status).to.include({ queuePosition: 4 });
      const jordansHold = byTitle(await fixture.system.listHolds(jordan), 'Project Hail Mary');
      await fixture.system.cancelHold(jordan, jordansHold.holdId);
      expect((await fixture.system.listHolds(jordan)).map((h) => h.title)).to.not.include(
        'Project Hail Mary',
      );
      expect(byTitle(await fixture.system.listHolds(sam), 'Project Hail Mary').status).to.deep.equal({
        state: 'waiting',
        queuePosition: 3,
        queueLength: 3,
      });
    });

    it('gives the copy of a cancelled ready hold to the next patron in line', async () => {
      const jordan = await signIn(fixture.system, 0);
      const sam = await signIn(fixture.system, 1);
      const midnight = await findRecord(fixture.system, 'The Midnight Library', 'book');
      await fixture.system.placeHold(sam, { recordId: midnight.recordId, pickupBranchId: 'eastside' });
      expect(byTitle(await fixture.system.listHolds(sam), 'The Midnight Library').status.state).to.equal(
        'waiting',
      );
      await fixture.system.cancelHold(
        jordan,
        byTitle(await fixture.system.listHolds(jordan), 'The Midnight Library').holdId,
      );
      expect(byTitle(await fixture.system.listHolds(sam), 'The Midnight Library').status).to.deep.equal({
        state: 'in-transit',
      });
    });
  });

  describe('hold life cycle', () => {
    it('goes from the queue to in transit, the hold shelf, and checked out', async () => {
      const jordan = await signIn(fixture.system, 0);
      const record = await findRecord(fixture.system, 'Project Hail Mary', 'book');
      const [firstOut, secondOut] = fixture.system.copiesOf(record.recordId);
      fixture.system.returnCopy(firstOut.copyId);
      expect(byTitle(await fixture.system.listHolds(jordan), 'Project Hail Mary').status).to.deep.equal({
        state: 'waiting',
        queuePosition: 2,
        queueLength: 2,
      });
      fixture.system.returnCopy(secondOut.copyId);
      fixture.system.returnCopy(fixture.system.copiesOf(record.recordId)[2].copyId);
      const hold = byTitle(await fixture.system.listHolds(jordan), 'Project Hail Mary');
      expect(hold.status).to.deep.equal({ state: 'in-transit' });

      fixture.clock.now = new Date('2026-03-11T16:00:00Z');
      fixture.system.receiveAtPickup(hold.holdId);
      expect(byTitle(await fixture.system.listHolds(jordan), 'Project Hail Mary').status).to.deep.equal({
        state: 'ready',
        pickUpBy: '2026-03-18',
      });
      fixture.system.checkOutHold(hold.holdId);
      expect((await fixture.system.listHolds(jordan)).map((h) => h.title)).to.not.include(
        'Project Hail Mary',
      );
    });

    it('expires a hold left on the shelf and gives its copy to the next patron', async () => {
      const jordan = await signIn(fixture.system, 0);
      const sam = await signIn(fixture.system, 1);
      const midnight = await findRecord(fixture.system, 'The Midnight Library', 'book');
      await fixture.system.placeHold(sam, { recordId: midnight.recordId, pickupBranchId: 'eastside' });
      expect(fixture.system.clearHoldShelf()).to.equal(0);
      fixture.clock.now = new Date('2026-03-16T18:00:00Z');
      expect(fixture.system.clearHoldShelf()).to.equal(1);
      expect((await fixture.system.listHolds(jordan)).map((h) => h.title)).to.not.include(
        'The Midnight Library',
      );
      expect(byTitle(await fixture.system.listHolds(sam), 'The Midnight Library').status.state).to.equal(
        'in-transit',
      );
    });
  });

  describe('accounts', () => {
    it('counts renewals up to the limit, a loan period from today each time', async () => {
      const avery = await signIn(fixture.system, 4);
      const habits = (await fixture.system.listCheckouts(avery)).find((c) => c.title === 'Atomic Habits');
      expect(habits?.renewal).to.deep.equal({ state: 'renewable', renewalsLeft: 2 });
      const itemId = habits?.itemId as string;
      expect((await fixture.system.renew(avery, itemId)).outcome).to.deep.equal({
        renewed: true,
        dueDate: '2026-03-31',
      });
      fixture.clock.now = new Date('2026-03-20T16:00:00Z');
      expect((await fixture.system.renew(avery, itemId)).outcome).to.deep.equal({
        renewed: true,
        dueDate: '2026-04-10',
      });
      expect((await fixture.system.renew(avery, itemId)).outcome).to.deep.equal({
        renewed: false,
        reason: 'renewal-limit',
      });
      const after = (await fixture.system.listCheckouts(avery)).find((c) => c.itemId === itemId);
      expect(after).to.include({ dueDate: '2026-04-10', overdue: false });
      expect(after?.renewal).to.deep.equal({ state: 'not-renewable', reason: 'renewal-limit' });
    });

    it('lends a picked-up hold to its patron and ends the loan when the copy comes back', async () => {
      const jordan = await signIn(fixture.system, 0);
      expect(await fixture.system.listCheckouts(jordan)).to.deep.equal([]);
      const ready = byTitle(await fixture.system.listHolds(jordan), 'The Midnight Library');
      fixture.system.checkOutHold(ready.holdId);
      const [loan] = await fixture.system.listCheckouts(jordan);
      expect(loan).to.include({ title: 'The Midnight Library', dueDate: '2026-03-31', overdue: false });
      fixture.system.returnCopy(loan.itemId);
      expect(await fixture.system.listCheckouts(jordan)).to.deep.equal([]);
    });

    it('keeps the documented due dates current when the demo is started again later', async () => {
      fixture.clock.now = new Date('2026-04-20T15:00:00Z');
      const reopened = await fixture.reopen();
      const checkouts = await reopened.listCheckouts(await signIn(reopened, 4));
      expect(checkouts.map((c) => [c.title, c.dueDate, c.overdue])).to.deep.equal([
        ['The Thursday Murder Club', '2026-04-16', true],
        ['Dune', '2026-04-22', false],
        ['Project Hail Mary', '2026-04-25', false],
        ['Atomic Habits', '2026-04-29', false],
      ]);
    });

    it('a paused hold keeps its place in line but is passed over when a copy comes back', async () => {
      const jordan = await signIn(fixture.system, 0);
      const sam = await signIn(fixture.system, 1);
      const record = await findRecord(fixture.system, 'Project Hail Mary', 'book');
      await fixture.system.placeHold(sam, { recordId: record.recordId, pickupBranchId: 'main' });
      const mine = byTitle(await fixture.system.listHolds(jordan), 'Project Hail Mary');
      await fixture.system.suspendHold(jordan, mine.holdId);
      for (const copy of fixture.system.copiesOf(record.recordId).filter((c) => c.status === 'checked-out'))
        fixture.system.returnCopy(copy.copyId);
      expect(byTitle(await fixture.system.listHolds(sam), 'Project Hail Mary').status.state).to.equal(
        'in-transit',
      );
      const paused = byTitle(await fixture.system.listHolds(jordan), 'Project Hail Mary');
      expect(paused.status).to.deep.equal({ state: 'waiting', queuePosition: 1, queueLength: 1 });
      expect(paused.suspended).to.deep.equal({});
      const resumed = await fixture.system.resumeHold(jordan, mine.holdId);
      expect(resumed.suspended).to.equal(undefined);
    });

    it('upgrades a database from before accounts: fee lines, the new demo patron and pause columns', async () => {
      const registered = fixture.system.registerPatron({
        cardNumber: '21000000000077',
        pin: '7777',
        name: 'Lee Park',
        homeBranchId: 'main',
      });
      fixture.system.close();
      const db = new Database(join(fixture.dataDir, 'demo-library-system.sqlite'));
      db.exec(`
        DROP TABLE loans; DROP TABLE fees;
        DELETE FROM copies WHERE id IN ('31099003', '31099004', '31099005', '31099006');
        DELETE FROM patrons WHERE id = 'P00005';
        DELETE FROM meta WHERE key IN ('accounts-day', 'demo-loans');
        ALTER TABLE holds DROP COLUMN suspended; ALTER TABLE holds DROP COLUMN suspended_until;
        ALTER TABLE patrons ADD COLUMN fines_cents INTEGER NOT NULL DEFAULT 0;
        UPDATE patrons SET fines_cents = 4250 WHERE id = 'P00003';`);
      db.prepare(`UPDATE patrons SET fines_cents = 700 WHERE id = ?`).run(registered);
      db.close();
      const reopened = await fixture.reopen();
      const casey = await signIn(reopened, 2);
      expect((await reopened.getFines(casey)).totalCents).to.equal(4250);
      expect((await reopened.getFines(casey)).lines).to.have.length(3);
      expect((await reopened.getFines(registered)).lines).to.deep.equal([
        { kind: 'other', description: 'Unpaid fines', title: '', amountCents: 700, chargedOn: '2026-03-10' },
      ]);
      expect(await reopened.listCheckouts(await signIn(reopened, 4))).to.have.length(4);
      expect((await reopened.listHolds(await signIn(reopened, 0))).map((h) => h.title)).to.have.length(3);
    });
  });
});

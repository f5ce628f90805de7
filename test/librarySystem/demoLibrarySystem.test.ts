import { expect } from 'chai';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlreadyOnHoldError,
  HoldLimitReachedError,
  HoldNotChangeableError,
  HoldNotFoundError,
  NotHoldableError,
  PatronBlockedError,
  PatronNotVerifiedError,
  PickupNotAllowedError,
} from '../../library/librarySystem/errors';
import type { CatalogRecord, Hold, LibrarySystem } from '../../library/librarySystem/librarySystem';
import { demoCatalog } from '../../library/librarySystem/demo/catalogSeed';
import { demoPatrons, hashPin } from '../../library/librarySystem/demo/demoLibrarySystem';
import { openDemoFixture, rejection, type DemoFixture } from './demoFixture';

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

  describe('verifyPatron', () => {
    it('returns the profile of each demo patron', async () => {
      const jordan = await fixture.system.verifyPatron('21000000000001', '2468');
      expect(jordan).to.include({ name: 'Jordan Ellis', homeBranchId: 'main', holdLimit: 15 });
      expect(jordan.blocks).to.deep.equal([]);
      expect(jordan.patronId).to.not.include('21000000000001');
      expect((await fixture.system.verifyPatron('21000000000002', '1357')).homeBranchId).to.equal('eastside');
      const casey = await fixture.system.verifyPatron('21000000000003', '9999');
      expect(casey.blocks).to.deep.equal([{ kind: 'fines', description: '$42.50 in unpaid fines' }]);
    });

    it('accepts a card number typed with spaces or dashes', async () => {
      const profile = await fixture.system.verifyPatron('2100 0000 0000-02', '1357');
      expect(profile.name).to.equal('Sam Okafor');
    });

    it('gives the same error for a wrong PIN and an unknown card', async () => {
      const wrongPin = await rejection(fixture.system.verifyPatron('21000000000001', '1111'));
      const unknownCard = await rejection(fixture.system.verifyPatron('21999999999999', '2468'));
      expect(wrongPin).to.be.instanceOf(PatronNotVerifiedError);
      expect(unknownCard).to.be.instanceOf(PatronNotVerifiedError);
      expect(wrongPin.message).to.equal(unknownCard.message);
      expect(wrongPin.message).to.not.match(/unknown|not found|wrong|incorrect/i);
    });

    it('lookupPatron (after single sign-on) finds a patron by card number alone', async () => {
      expect((await fixture.system.lookupPatron('2100 0000 0000 03')).name).to.equal('Casey Morgan');
      expect(await rejection(fixture.system.lookupPatron('21999999999999'))).to.be.instanceOf(
        PatronNotVerifiedError,
      );
    });

    it('getPatron refuses an id it never issued', async () => {
      expect(await rejection(fixture.system.getPatron('P99999'))).to.be.instanceOf(PatronNotVerifiedError);
      const patronId = await signIn(fixture.system, 0);
      expect((await fixture.system.getPatron(patronId)).name).to.equal('Jordan Ellis');
    });
  });

  describe('listHolds', () => {
    it('shows demo patron 1 a ready, a waiting and an in-transit hold', async () => {
      const holds = await fixture.system.listHolds(await signIn(fixture.system, 0));
      expect(holds).to.have.length(3);
      const ready = byTitle(holds, 'The Midnight Library');
      expect(ready.pickupBranchId).to.equal('eastside');
      expect(ready.status).to.deep.equal({ state: 'ready', pickUpBy: '2026-03-15' });
      expect(byTitle(holds, 'Project Hail Mary').status).to.deep.equal({
        state: 'waiting',
        queuePosition: 3,
        queueLength: 3,
      });
      const transit = byTitle(holds, 'Lessons in Chemistry');
      expect(transit.status).to.deep.equal({ state: 'in-transit' });
      expect(transit.pickupBranchId).to.equal('main');
    });

    it('shows demo patron 2 no holds', async () => {
      expect(await fixture.system.listHolds(await signIn(fixture.system, 1))).to.deep.equal([]);
    });

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

    it('returns nothing for words that match no record', async () => {
      expect(await fixture.system.searchCatalog({ keywords: 'zzyzx quorble' })).to.deep.equal([]);
      expect(await fixture.system.searchCatalog({ keywords: '   ' })).to.deep.equal([]);
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

    it('refuses a second hold on the same record', async () => {
      const patronId = await signIn(fixture.system, 0);
      const record = await findRecord(fixture.system, 'Project Hail Mary', 'book');
      const error = await rejection(
        fixture.system.placeHold(patronId, { recordId: record.recordId, pickupBranchId: 'main' }),
      );
      expect(error).to.be.instanceOf(AlreadyOnHoldError);
    });

    it('refuses a blocked account', async () => {
      const patronId = await signIn(fixture.system, 2);
      const record = await findRecord(fixture.system, 'Circe', 'book');
      const error = await rejection(
        fixture.system.placeHold(patronId, { recordId: record.recordId, pickupBranchId: 'main' }),
      );
      expect(error).to.be.instanceOf(PatronBlockedError);
      expect((error as PatronBlockedError).reasons).to.deep.equal(['$42.50 in unpaid fines']);
      expect(await fixture.system.listHolds(patronId)).to.deep.equal([]);
    });

    it('refuses past the hold limit', async () => {
      const patronId = await signIn(fixture.system, 3);
      expect(await fixture.system.listHolds(patronId)).to.have.length(2);
      const record = await findRecord(fixture.system, 'Circe', 'book');
      const error = await rejection(
        fixture.system.placeHold(patronId, { recordId: record.recordId, pickupBranchId: 'oak-hill' }),
      );
      expect(error).to.be.instanceOf(HoldLimitReachedError);
      expect((error as HoldLimitReachedError).limit).to.equal(2);
    });

    it('refuses e-books, library-use-only titles and unknown records as not holdable', async () => {
      const patronId = await signIn(fixture.system, 1);
      const ebook = await findRecord(fixture.system, 'Project Hail Mary', 'ebook');
      const reference = await findRecord(fixture.system, 'Riverbend County Atlas', 'book');
      const reasons: string[] = [];
      for (const recordId of [ebook.recordId, reference.recordId, 'R0']) {
        const error = await rejection(
          fixture.system.placeHold(patronId, { recordId, pickupBranchId: 'main' }),
        );
        expect(error).to.be.instanceOf(NotHoldableError);
        reasons.push((error as NotHoldableError).reason);
      }
      expect(reasons).to.deep.equal(['digital', 'library-use-only', 'unknown-record']);
    });

    it('refuses a pickup location that is not a branch building', async () => {
      const patronId = await signIn(fixture.system, 1);
      const record = await findRecord(fixture.system, 'Circe', 'book');
      for (const pickupBranchId of ['bookmobile', 'nowhere']) {
        const error = await rejection(
          fixture.system.placeHold(patronId, { recordId: record.recordId, pickupBranchId }),
        );
        expect(error).to.be.instanceOf(PickupNotAllowedError);
      }
      expect((await fixture.system.listPickupLocations()).map((l) => l.branchId)).to.deep.equal([
        'main',
        'eastside',
        'riverside',
        'oak-hill',
      ]);
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

    it("never cancels another patron's hold, and says only that there is no such hold", async () => {
      const jordan = await signIn(fixture.system, 0);
      const sam = await signIn(fixture.system, 1);
      const [first] = await fixture.system.listHolds(jordan);
      const error = await rejection(fixture.system.cancelHold(sam, first.holdId));
      expect(error).to.be.instanceOf(HoldNotFoundError);
      expect(await fixture.system.listHolds(jordan)).to.have.length(3);
      await fixture.system.cancelHold(jordan, first.holdId);
      expect(await rejection(fixture.system.cancelHold(jordan, first.holdId))).to.be.instanceOf(
        HoldNotFoundError,
      );
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

  describe('changePickup', () => {
    it('moves a waiting or in-transit hold to another branch', async () => {
      const jordan = await signIn(fixture.system, 0);
      const holds = await fixture.system.listHolds(jordan);
      const waiting = await fixture.system.changePickup(
        jordan,
        byTitle(holds, 'Project Hail Mary').holdId,
        'oak-hill',
      );
      expect(waiting.pickupBranchId).to.equal('oak-hill');
      expect(waiting.status).to.include({ state: 'waiting', queuePosition: 3 });
      const transit = await fixture.system.changePickup(
        jordan,
        byTitle(holds, 'Lessons in Chemistry').holdId,
        'riverside',
      );
      expect(transit).to.include({ pickupBranchId: 'riverside' });
    });

    it('keeps a ready hold where it is, refuses the bookmobile and other patrons', async () => {
      const jordan = await signIn(fixture.system, 0);
      const sam = await signIn(fixture.system, 1);
      const holds = await fixture.system.listHolds(jordan);
      const ready = byTitle(holds, 'The Midnight Library');
      expect(await rejection(fixture.system.changePickup(jordan, ready.holdId, 'main'))).to.be.instanceOf(
        HoldNotChangeableError,
      );
      const waiting = byTitle(holds, 'Project Hail Mary');
      expect(
        await rejection(fixture.system.changePickup(jordan, waiting.holdId, 'bookmobile')),
      ).to.be.instanceOf(PickupNotAllowedError);
      expect(await rejection(fixture.system.changePickup(sam, waiting.holdId, 'eastside'))).to.be.instanceOf(
        HoldNotFoundError,
      );
      expect(byTitle(await fixture.system.listHolds(jordan), 'Project Hail Mary').pickupBranchId).to.equal(
        'main',
      );
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

  describe('checkReachable', () => {
    it('answers while open and fails once closed', async () => {
      await fixture.system.checkReachable();
      fixture.system.close();
      expect(await rejection(fixture.system.checkReachable())).to.be.instanceOf(Error);
    });
  });
});

// One contract suite for every botbuilder Storage provider we ship (no per-provider branches).
import { expect } from 'chai';
import type { Storage, StoreItems } from 'botbuilder';

/** The bot-state providers we ship: botbuilder's Storage plus create-only writes of new documents. */
export type SharedStorage = Storage & { create(changes: StoreItems): Promise<void> };

export interface StorageUnderTest {
  name: string;
  /** Once before the provider's tests (e.g. start an emulator), and once after them. */
  setUp?(): Promise<void>;
  tearDown?(): Promise<void>;
  create(): Promise<SharedStorage>;
  /**
   * A second handle on the same data, as another bot instance holds it: a second client on the same
   * container, a second connection to the same file (MemoryStorage cannot be shared: the same object).
   * `dispose` releases it with the first.
   */
  openSecond(storage: SharedStorage): Promise<SharedStorage>;
  dispose?(storage: SharedStorage): Promise<void>;
}

/** Resolves to the error a promise rejects with, or fails the test when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection, but it resolved');
}

export function storageConformanceSuite(provider: StorageUnderTest): void {
  describe(`Storage contract: ${provider.name}`, () => {
    let storage: SharedStorage;
    /** The same data through another handle; the racing writers below alternate between the two. */
    let second: SharedStorage;
    const handle = (i: number) => (i % 2 === 0 ? storage : second);
    before(async function () {
      // Starting an emulator on a busy 2-core machine can take a while.
      this.timeout(90000);
      await provider.setUp?.();
    });
    after(async () => {
      await provider.tearDown?.();
    });
    beforeEach(async () => {
      storage = await provider.create();
      second = await provider.openSecond(storage);
    });
    afterEach(async () => {
      await provider.dispose?.(storage);
    });

    it('reads nothing for unknown keys', async () => {
      expect(await storage.read(['nobody'])).to.deep.equal({});
    });

    it('writes and reads back items with an eTag', async () => {
      await storage.write({ a: { branch: 'main', count: 1 }, b: { nested: { list: [1, 2] } } });
      const items = await storage.read(['a', 'b', 'c']);
      expect(items.a).to.include({ branch: 'main', count: 1 });
      expect(items.b.nested).to.deep.equal({ list: [1, 2] });
      expect(items.a.eTag).to.be.a('string').and.not.equal('*');
      expect(items).to.not.have.property('c');
    });

    it('keeps text in any script, nested data and keys with punctuation exactly', async () => {
      const item = {
        text: 'Café ☕ naïve — 图书馆 📚 "quoted" \\ back\nline',
        nested: { list: [1, 'two', { three: 3 }], empty: {}, none: null, yes: true },
      };
      const key = "webchat/conversations/a!@#$%^&*()~,.?';`=+[]{}|<>ü";
      await storage.write({ [key]: item });
      const read = (await storage.read([key]))[key];
      const { eTag: _eTag, ...value } = read;
      expect(value).to.deep.equal(item);
    });

    it('keeps a large item (a long dialog state) whole', async () => {
      const turns = Array.from({ length: 400 }, (_, i) => ({ i, text: `turn ${i} `.repeat(30) }));
      await storage.write({ big: { turns } });
      expect((await storage.read(['big'])).big.turns).to.deep.equal(turns);
    });

    it('hands out copies: changing what was read changes nothing stored', async () => {
      await storage.write({ k: { list: [1] } });
      const first = (await storage.read(['k'])).k;
      first.list.push(2);
      expect((await storage.read(['k'])).k.list).to.deep.equal([1]);
    });

    it('either creates a missing key written with an eTag, or refuses it as an eTag conflict', async () => {
      // Providers differ here (MemoryStorage and SQLite create it, Blob Storage's If-Match refuses it);
      // nothing of ours relies on either, since new documents are written without an eTag.
      const outcome = await storage.write({ fresh: { value: 1, eTag: 'made-up' } }).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      const stored = (await storage.read(['fresh'])).fresh;
      if (outcome) {
        expect(outcome.message).to.match(/etag conflict/i);
        expect(stored).to.equal(undefined);
      } else {
        expect(stored.value).to.equal(1);
      }
    });

    it("overwrites with '*' or no eTag", async () => {
      await storage.write({ k: { value: 1 } });
      await storage.write({ k: { value: 2, eTag: '*' } });
      await storage.write({ k: { value: 3 } });
      expect((await storage.read(['k'])).k.value).to.equal(3);
    });

    it('writes with the matching eTag and changes the eTag', async () => {
      await storage.write({ k: { value: 1 } });
      const first = (await storage.read(['k'])).k;
      await storage.write({ k: { ...first, value: 2 } });
      const second = (await storage.read(['k'])).k;
      expect(second.value).to.equal(2);
      expect(second.eTag).to.not.equal(first.eTag);
    });

    it('refuses a stale eTag with a conflict and keeps the newer value', async () => {
      await storage.write({ k: { value: 1 } });
      const stale = (await storage.read(['k'])).k;
      await storage.write({ k: { ...stale, value: 2 } });
      let failure: unknown;
      try {
        await storage.write({ k: { ...stale, value: 3 } });
      } catch (error) {
        failure = error;
      }
      expect(failure).to.be.instanceOf(Error);
      expect((failure as Error).message).to.match(/etag conflict/i);
      expect((await storage.read(['k'])).k.value).to.equal(2);
    });

    it('changes the eTag on every write, even of the same value, so a stale reader still conflicts', async () => {
      await storage.write({ k: { value: 1 } });
      const stale = (await storage.read(['k'])).k;
      await storage.write({ k: { ...stale } });
      const fresh = (await storage.read(['k'])).k;
      expect(fresh.eTag).to.not.equal(stale.eTag);
      expect((await rejectionOf(storage.write({ k: { ...stale, value: 2 } }))).message).to.match(
        /etag conflict/i,
      );
    });

    it('lets exactly one of two writers with the same eTag win', async () => {
      await storage.write({ claim: { by: null } });
      const seen = (await storage.read(['claim'])).claim;
      const results = await Promise.allSettled([
        storage.write({ claim: { ...seen, by: 'sam' } }),
        second.write({ claim: { ...seen, by: 'alex' } }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
      expect(['sam', 'alex']).to.include((await storage.read(['claim'])).claim.by);
    });

    it('lets exactly one of five writers racing with the same eTag win, and keeps its value', async () => {
      await storage.write({ claim: { by: null } });
      const seen = (await storage.read(['claim'])).claim;
      const staff = ['sam', 'alex', 'jo', 'kim', 'lee'];
      const results = await Promise.allSettled(
        staff.map((by, i) => handle(i).write({ claim: { ...seen, by } })),
      );
      const winners = staff.filter((_, i) => results[i].status === 'fulfilled');
      expect(winners).to.have.length(1);
      for (const result of results) {
        if (result.status === 'rejected') expect(String(result.reason)).to.match(/etag conflict/i);
      }
      expect((await storage.read(['claim'])).claim.by).to.equal(winners[0]);
    });

    it('loses no update when writers read, change and retry on conflict at the same time', async () => {
      await storage.write({ counter: { count: 0 } });
      const increment = async (through: Storage) => {
        for (;;) {
          const current = (await through.read(['counter'])).counter;
          try {
            await through.write({ counter: { ...current, count: current.count + 1 } });
            return;
          } catch (error) {
            if (!/etag conflict/i.test(String(error))) throw error;
          }
        }
      };
      const worker = async (through: Storage) => {
        for (let i = 0; i < 5; i++) await increment(through);
      };
      await Promise.all([worker(handle(0)), worker(handle(1)), worker(handle(2))]);
      expect((await storage.read(['counter'])).counter.count).to.equal(15);
    });

    it("lets concurrent writers with '*' all succeed, the last one winning", async () => {
      await storage.write({ k: { value: 0 } });
      await Promise.all([1, 2, 3].map((value, i) => handle(i).write({ k: { value, eTag: '*' } })));
      expect([1, 2, 3]).to.include((await storage.read(['k'])).k.value);
    });

    it("sees another handle's writes, deletes and eTags", async () => {
      await storage.write({ k: { value: 1 } });
      const viaFirst = (await storage.read(['k'])).k;
      expect((await second.read(['k'])).k).to.deep.equal(viaFirst);
      await second.write({ k: { ...viaFirst, value: 2 } });
      expect((await rejectionOf(storage.write({ k: { ...viaFirst, value: 3 } }))).message).to.match(
        /etag conflict/i,
      );
      await storage.delete(['k']);
      expect(await second.read(['k'])).to.deep.equal({});
    });

    it('creates a new key with create(), read back with an eTag that guards the next write', async () => {
      await storage.create({ fresh: { value: 1 } });
      const created = (await storage.read(['fresh'])).fresh;
      expect(created.value).to.equal(1);
      expect(created.eTag).to.be.a('string').and.not.equal('*');
      await storage.write({ fresh: { ...created, value: 2 } });
      expect((await rejectionOf(storage.write({ fresh: { ...created, value: 3 } }))).message).to.match(
        /etag conflict/i,
      );
      expect((await storage.read(['fresh'])).fresh.value).to.equal(2);
    });

    it('refuses create() of a key that exists as an eTag conflict, and keeps what is there', async () => {
      await storage.write({ taken: { value: 1 } });
      expect((await rejectionOf(second.create({ taken: { value: 2 } }))).message).to.match(/etag conflict/i);
      expect((await storage.read(['taken'])).taken.value).to.equal(1);
      await storage.delete(['taken']);
      await second.create({ taken: { value: 3 } });
      expect((await storage.read(['taken'])).taken.value).to.equal(3);
    });

    it('lets exactly one of five create() calls racing for a new key win, and keeps its value', async () => {
      const staff = ['sam', 'alex', 'jo', 'kim', 'lee'];
      const results = await Promise.allSettled(staff.map((by, i) => handle(i).create({ first: { by } })));
      const winners = staff.filter((_, i) => results[i].status === 'fulfilled');
      expect(winners).to.have.length(1);
      for (const result of results) {
        if (result.status === 'rejected') expect(String(result.reason)).to.match(/etag conflict/i);
      }
      expect((await second.read(['first'])).first.by).to.equal(winners[0]);
    });

    it('deletes items, and deleting unknown keys is fine', async () => {
      await storage.write({ k: { value: 1 } });
      await storage.delete(['k', 'never-there']);
      expect(await storage.read(['k'])).to.deep.equal({});
    });
  });
}

// One contract suite for every botbuilder Storage provider we ship (no per-provider branches).
import { expect } from 'chai';
import type { Storage } from 'botbuilder';

export interface StorageUnderTest {
  name: string;
  create(): Promise<Storage>;
  dispose?(storage: Storage): Promise<void>;
}

export function storageConformanceSuite(provider: StorageUnderTest): void {
  describe(`Storage contract: ${provider.name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await provider.create();
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

    it('writes a new key whatever eTag it carries', async () => {
      await storage.write({ fresh: { value: 1, eTag: 'made-up' } });
      expect((await storage.read(['fresh'])).fresh.value).to.equal(1);
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

    it('lets exactly one of two writers with the same eTag win', async () => {
      await storage.write({ claim: { by: null } });
      const seen = (await storage.read(['claim'])).claim;
      const results = await Promise.allSettled([
        storage.write({ claim: { ...seen, by: 'sam' } }),
        storage.write({ claim: { ...seen, by: 'alex' } }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
      expect(['sam', 'alex']).to.include((await storage.read(['claim'])).claim.by);
    });

    it('deletes items, and deleting unknown keys is fine', async () => {
      await storage.write({ k: { value: 1 } });
      await storage.delete(['k', 'never-there']);
      expect(await storage.read(['k'])).to.deep.equal({});
    });
  });
}

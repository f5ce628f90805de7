import { expect } from 'chai';
import Database from 'better-sqlite3';
import type { Storage } from 'botbuilder';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { BlobStateStorage } from '../../storage/blobStateStorage';
import { MemoryStateStorage } from '../../storage/memoryStateStorage';
import { SqliteStorage } from '../../storage/sqliteStorage';
import { AzuriteBlob, startAzuriteBlob, uniqueContainerName } from '../support/azurite';
import { temporaryDirectory } from '../support/testBot';
import { storageConformanceSuite } from './storageConformance';

storageConformanceSuite({
  name: "MemoryStateStorage (botbuilder's MemoryStorage)",
  create: async () => new MemoryStateStorage(),
  openSecond: async (storage) => storage,
});

let azurite: AzuriteBlob | undefined;
storageConformanceSuite({
  name: 'Azure Blob Storage (BlobsStorage on Azurite)',
  setUp: async () => {
    azurite = await startAzuriteBlob();
  },
  tearDown: async () => {
    await azurite?.stop();
  },
  // A container per test, as separate as a fresh SQLite file.
  create: async () =>
    new BlobStateStorage({
      connectionString: (azurite as AzuriteBlob).connectionString,
      container: uniqueContainerName('contract'),
    }),
  openSecond: async (storage) => new BlobStateStorage((storage as BlobStateStorage).options),
});

const sqliteHandles = new Map<Storage, { folder: string; second?: SqliteStorage }>();
storageConformanceSuite({
  name: 'SqliteStorage',
  create: async () => {
    const folder = temporaryDirectory();
    const storage = new SqliteStorage(join(folder, 'state.sqlite'));
    sqliteHandles.set(storage, { folder });
    return storage;
  },
  openSecond: async (storage) => {
    const second = new SqliteStorage((storage as SqliteStorage).file);
    (sqliteHandles.get(storage) as { second?: SqliteStorage }).second = second;
    return second;
  },
  dispose: async (storage) => {
    const { folder, second } = sqliteHandles.get(storage) as { folder: string; second?: SqliteStorage };
    (storage as SqliteStorage).close();
    second?.close();
    rmSync(folder, { recursive: true, force: true });
  },
});

describe('SqliteStorage on disk', () => {
  it('keeps items and eTags across a restart of the file', async () => {
    const folder = temporaryDirectory();
    const file = join(folder, 'nested', 'state.sqlite');
    try {
      const first = new SqliteStorage(file);
      await first.write({ 'conversation/1': { dialogState: { step: 2 } } });
      const before = (await first.read(['conversation/1']))['conversation/1'];
      first.close();

      const second = new SqliteStorage(file);
      const after = (await second.read(['conversation/1']))['conversation/1'];
      expect(after).to.deep.equal(before);
      let conflict: unknown;
      await second.write({ 'conversation/1': { ...after, dialogState: { step: 3 } } });
      try {
        await second.write({ 'conversation/1': { ...after, dialogState: { step: 4 } } });
      } catch (error) {
        conflict = error;
      }
      expect(conflict).to.be.instanceOf(Error);
      second.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  describe('claimOnce (retried activities)', () => {
    let folder: string;
    let file: string;
    const open: SqliteStorage[] = [];
    const storage = () => {
      const opened = new SqliteStorage(file);
      open.push(opened);
      return opened;
    };
    beforeEach(() => {
      folder = temporaryDirectory();
      file = join(folder, 'state.sqlite');
    });
    afterEach(() => {
      open.splice(0).forEach((opened) => opened.close());
      rmSync(folder, { recursive: true, force: true });
    });

    it('gives a key to the first holder only, across two connections to the file', async () => {
      const a = storage();
      const b = storage();
      expect(await a.claimOnce('webchat/conversations/c1/activity/7', 'turn-a')).to.equal('turn-a');
      expect(await b.claimOnce('webchat/conversations/c1/activity/7', 'turn-b')).to.equal('turn-a');
      expect(await a.claimOnce('webchat/conversations/c1/activity/7', 'turn-c')).to.equal('turn-a');
      expect(await b.claimOnce('webchat/conversations/c1/activity/8', 'turn-b')).to.equal('turn-b');
    });

    it('keeps claims apart from state documents', async () => {
      const a = storage();
      await a.claimOnce('conversation/1', 'turn-a');
      expect(await a.read(['conversation/1'])).to.deep.equal({});
      await a.write({ 'conversation/1': { step: 1 } });
      expect(await a.claimOnce('conversation/1', 'turn-b')).to.equal('turn-a');
    });

    it('forgets claims older than ten minutes, and keeps newer ones', async () => {
      const a = storage();
      await a.claimOnce('old', 'turn-a');
      await a.claimOnce('recent', 'turn-a');
      const db = new Database(file);
      db.prepare("UPDATE claims SET claimed_at = claimed_at - 601 WHERE key = 'old'").run();
      db.prepare("UPDATE claims SET claimed_at = claimed_at - 500 WHERE key = 'recent'").run();
      db.close();
      // A fresh connection purges on its first claim (then at most every 10 s).
      const b = storage();
      expect(await b.claimOnce('old', 'turn-b')).to.equal('turn-b');
      expect(await b.claimOnce('recent', 'turn-b')).to.equal('turn-a');
    });
  });
});

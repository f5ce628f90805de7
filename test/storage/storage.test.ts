import { expect } from 'chai';
import { MemoryStorage, Storage } from 'botbuilder';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStorage } from '../../storage/sqliteStorage';
import { temporaryDirectory } from '../support/testBot';
import { storageConformanceSuite } from './storageConformance';

storageConformanceSuite({ name: 'MemoryStorage', create: async () => new MemoryStorage() });

const sqliteFolders = new Map<Storage, string>();
storageConformanceSuite({
  name: 'SqliteStorage',
  create: async () => {
    const folder = temporaryDirectory();
    const storage = new SqliteStorage(join(folder, 'state.sqlite'));
    sqliteFolders.set(storage, folder);
    return storage;
  },
  dispose: async (storage) => {
    (storage as SqliteStorage).close();
    rmSync(sqliteFolders.get(storage) as string, { recursive: true, force: true });
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
});

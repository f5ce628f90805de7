// Leases for periodic work shared by several instances (library/storage/lease.ts), on a real SQLite
// file opened twice, as two instances on one machine would.
import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Leases } from '../../library/storage/lease';
import { SqliteStorage } from '../../storage/sqliteStorage';
import { temporaryDirectory } from '../support/testBot';

describe('leases for periodic work on several instances', () => {
  let folder: string;
  let first: SqliteStorage;
  let second: SqliteStorage;
  let now: number;
  const times = { periodMs: 60_000, holdMs: 300_000 };

  beforeEach(() => {
    folder = temporaryDirectory();
    first = new SqliteStorage(join(folder, 'state.sqlite'));
    second = new SqliteStorage(join(folder, 'state.sqlite'));
    now = Date.parse('2026-12-01T10:00:00Z');
  });
  afterEach(() => {
    first.close();
    second.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const instance = (storage: SqliteStorage, name: string) => new Leases(storage, name, () => now);

  it('runs a job once per period, whichever instance asks first', async () => {
    const a = instance(first, 'a');
    const b = instance(second, 'b');
    let runs = 0;
    const work = async () => {
      runs++;
    };
    expect(await a.runIfDue('sweep', times, work)).to.equal(true);
    expect(await b.runIfDue('sweep', times, work)).to.equal(false);
    now += 30_000;
    expect(await a.runIfDue('sweep', times, work)).to.equal(false);
    now += 30_000;
    expect(await b.runIfDue('sweep', times, work)).to.equal(true);
    expect(runs).to.equal(2);
  });

  it('gives a job to exactly one of five instances asking at once', async () => {
    const leases = ['a', 'b', 'c', 'd', 'e'].map((name, i) => instance(i % 2 ? second : first, name));
    const started = await Promise.all(leases.map((lease) => lease.tryStart('purge', times)));
    expect(started.filter(Boolean)).to.have.length(1);
  });

  it('lets another instance take over a job whose holder died, after the hold time only', async () => {
    const a = instance(first, 'a');
    const b = instance(second, 'b');
    expect(await a.tryStart('purge', times)).to.equal(true); // then a is killed: no finish
    now += times.periodMs * 2;
    expect(await b.tryStart('purge', times)).to.equal(false);
    now += times.holdMs;
    expect(await b.tryStart('purge', times)).to.equal(true);
  });
});

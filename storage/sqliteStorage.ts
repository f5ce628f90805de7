// Bot state in a SQLite file, so conversations survive a restart with nothing to install.
// Honours botbuilder's eTag contract: a new key, '*' or no eTag writes; a matching eTag writes;
// a stale eTag fails with a conflict error (claims in the handoff queue rely on this). `create` writes
// only keys that do not exist yet (library/storage/optimistic.ts uses it for new shared documents).
// `claimOnce` takes a key for a while in one insert into its own table (retried activities, see
// bots/turnMiddleware.ts): cheaper than rewriting a state document, and purged after ten minutes.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Storage, StoreItems } from 'botbuilder';
import { jsonWithoutETag, readJson, writeJson } from './storedJson';

export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
  }
}

/** How long a claim is kept: a channel retries an activity within seconds, a minute or two at most. */
const CLAIM_KEPT_SECONDS = 600;
/**
 * Expired claims are deleted at most this often, on an indexed column: often enough that one delete
 * stays small (about 6,000 rows at 600 turns a second, a few ms) and the table holds ten minutes of turns.
 */
const CLAIM_PURGE_EVERY_MS = 10_000;

interface Row {
  key: string;
  value: string;
  etag: string;
}

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly selectOne: Database.Statement<[string], Row>;
  private readonly upsert: Database.Statement<[string, string, string]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly insertNew: Database.Statement<[string, string, string]>;
  private readonly insertClaim: Database.Statement<[string, string]>;
  private readonly selectClaim: Database.Statement<[string], { holder: string }>;
  private readonly purgeClaims: Database.Statement<[number]>;
  private claimsPurgedAt = 0;
  // The transactions are built once: better-sqlite3 makes new wrapper functions on every `transaction()`.
  /** One transaction: either every change is written or none is. */
  private readonly writeAll: Database.Transaction<(entries: [string, Record<string, unknown>][]) => void>;
  private readonly createAll: Database.Transaction<(entries: [string, Record<string, unknown>][]) => void>;
  private readonly removeAll: Database.Transaction<(keys: string[]) => void>;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS bot_state (
         key TEXT PRIMARY KEY,
         value TEXT NOT NULL,
         etag TEXT NOT NULL,
         updated_at INTEGER NOT NULL DEFAULT (unixepoch())
       )`,
    );
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS claims (
         key TEXT PRIMARY KEY,
         holder TEXT NOT NULL,
         claimed_at INTEGER NOT NULL DEFAULT (unixepoch())
       );
       CREATE INDEX IF NOT EXISTS claims_by_age ON claims (claimed_at)`,
    );
    this.insertClaim = this.db.prepare(
      'INSERT INTO claims (key, holder) VALUES (?, ?) ON CONFLICT(key) DO NOTHING',
    );
    this.selectClaim = this.db.prepare('SELECT holder FROM claims WHERE key = ?');
    this.purgeClaims = this.db.prepare('DELETE FROM claims WHERE claimed_at < unixepoch() - ?');
    this.selectOne = this.db.prepare('SELECT key, value, etag FROM bot_state WHERE key = ?');
    this.upsert = this.db.prepare(
      `INSERT INTO bot_state (key, value, etag) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = unixepoch()`,
    );
    this.remove = this.db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.insertNew = this.db.prepare(
      'INSERT INTO bot_state (key, value, etag) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING',
    );
    this.writeAll = this.db.transaction((entries) => {
      for (const [key, item] of entries) {
        const wanted = item.eTag as string | undefined;
        if (wanted && wanted !== '*') {
          const current = this.selectOne.get(key);
          if (current && current.etag !== wanted) throw new StorageConflictError(key);
        }
        this.upsert.run(key, writeJson.take(item) ?? jsonWithoutETag(item), randomUUID());
      }
    });
    this.createAll = this.db.transaction((entries) => {
      for (const [key, item] of entries) {
        if (this.insertNew.run(key, jsonWithoutETag(item), randomUUID()).changes === 0)
          throw new StorageConflictError(key);
      }
    });
    this.removeAll = this.db.transaction((keys) => keys.forEach((key) => this.remove.run(key)));
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new Error('Keys are required when reading');
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.selectOne.get(key);
      if (!row) continue;
      const item = JSON.parse(row.value) as StoreItems[string];
      readJson.give(item, row.value);
      item.eTag = row.etag;
      items[key] = item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new Error('Changes are required when writing');
    // IMMEDIATE takes the write lock before the eTag check, so another process on the same file
    // cannot write between the check and the write (it waits, up to the busy timeout).
    this.writeAll.immediate(Object.entries(changes));
  }

  /** Writes every change, or none when any key already exists (an eTag conflict). */
  async create(changes: StoreItems): Promise<void> {
    this.createAll.immediate(Object.entries(changes));
  }

  /**
   * Takes `key` for `holder` unless someone holds it already; returns who holds it now (so a caller
   * whose claim was taken sees someone else's holder). Claims last ten minutes.
   */
  async claimOnce(key: string, holder: string): Promise<string> {
    const now = Date.now();
    if (now - this.claimsPurgedAt >= CLAIM_PURGE_EVERY_MS) {
      this.claimsPurgedAt = now;
      this.purgeClaims.run(CLAIM_KEPT_SECONDS);
    }
    if (this.insertClaim.run(key, holder).changes === 1) return holder;
    return this.selectClaim.get(key)?.holder ?? holder;
  }

  async delete(keys: string[]): Promise<void> {
    this.removeAll(keys);
  }

  /** For /readyz: the file can be read. */
  async checkReachable(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

// The embedded demo library system: a small ILS on SQLite in the bot's data folder, seeded on first
// start with the demo catalog and the documented demo patrons (see ../README.md). Holds follow an
// ILS's life cycle: a new hold joins the title's queue; when a copy is free it is trapped for the
// first hold in line and goes "in transit" to the pickup branch; checked in there it is "ready" until
// a pick-up-by date; picked up it is fulfilled; left on the shelf it expires and the next patron in
// line gets the copy. The staff-side steps are methods here so demos and tests can drive them.
import Database from 'better-sqlite3';
import {
  createHmac,
  randomBytes,
  randomUUID,
  scrypt as scryptCallback,
  scryptSync,
  timingSafeEqual,
} from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import {
  AlreadyOnHoldError,
  HoldLimitReachedError,
  HoldNotChangeableError,
  HoldNotFoundError,
  LibrarySystemUnavailableError,
  NotHoldableError,
  PatronBlockedError,
  PatronNotVerifiedError,
  PickupNotAllowedError,
} from '../errors';
import { scoreRecord } from '../catalogSearch';
import { normalizeCardNumber } from '../../privacy';
import type {
  CatalogFormat,
  CatalogQuery,
  CatalogRecord,
  Checkout,
  Fines,
  Hold,
  LibrarySystem,
  LibrarySystemFeatures,
  PatronBlock,
  PatronProfile,
  PickupLocation,
  PlaceHoldRequest,
  RenewResult,
} from '../librarySystem';
import { demoCatalog } from './catalogSeed';
import { accountsSchema, DemoAccounts } from './demoAccounts';

export interface DemoBranch {
  id: string;
  name: string;
  /** Bookmobiles are not pickup locations in the demo library. */
  kind?: 'building' | 'bookmobile';
}

export interface DemoLibrarySystemOptions {
  /** The bot's data folder; the database file is created in it. */
  dataDir: string;
  branches: DemoBranch[];
  /** The library's time zone, for "today" and pick-up-by dates. */
  timeZone?: string;
  now?: () => Date;
  fileName?: string;
  /** Days a ready hold stays on the hold shelf (default 7). */
  holdShelfDays?: number;
  /** Fines at or above this many cents block holds (default $10.00). */
  fineBlockCents?: number;
  /** scrypt N for PINs hashed at seeding (default 16384); tests may lower it to run fast. */
  pinHashCost?: number;
  /** Days in a loan and in a renewal (default 21). */
  loanDays?: number;
  /** Renewals allowed per loan (default 3). */
  renewalLimit?: number;
}

/** The documented demo patrons (also in ../README.md). */
export const demoPatrons = [
  { card: '21000000000001', pin: '2468', name: 'Jordan Ellis', note: 'three holds' },
  { card: '21000000000002', pin: '1357', name: 'Sam Okafor', note: 'no holds' },
  { card: '21000000000003', pin: '9999', name: 'Casey Morgan', note: 'blocked for fines' },
  { card: '21000000000004', pin: '4321', name: 'Robin Hale', note: 'at the hold limit (2)' },
  { card: '21000000000005', pin: '8642', name: 'Avery Quinn', note: 'four checkouts and $3.00 in fees' },
] as const;

type HoldState = 'waiting' | 'in-transit' | 'ready' | 'fulfilled' | 'cancelled' | 'expired';
const activeStates = "('waiting','in-transit','ready')";

interface RecordRow {
  id: string;
  work_key: string;
  title: string;
  author: string;
  year: number;
  format: CatalogFormat;
  subjects: string;
  not_holdable: string | null;
  copies: number;
  available: number;
}
interface PatronRow {
  id: string;
  pin_hash: string;
  name: string;
  home_branch_id: string;
  hold_limit: number;
  expires_on: string;
}
interface HoldRow {
  id: string;
  seq: number;
  patron_id: string;
  record_id: string;
  pickup_branch_id: string;
  status: HoldState;
  placed_on: string;
  copy_id: string | null;
  pick_up_by: string | null;
  suspended: number;
  suspended_until: string | null;
  title: string;
  author: string;
  format: CatalogFormat;
}

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
  id TEXT PRIMARY KEY, work_key TEXT NOT NULL, title TEXT NOT NULL, author TEXT NOT NULL,
  year INTEGER NOT NULL, format TEXT NOT NULL, subjects TEXT NOT NULL,
  not_holdable TEXT CHECK (not_holdable IN ('digital', 'library-use-only')));
CREATE TABLE IF NOT EXISTS copies (
  id TEXT PRIMARY KEY, record_id TEXT NOT NULL REFERENCES records(id), branch_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('available', 'checked-out', 'on-hold')), due_on TEXT);
CREATE INDEX IF NOT EXISTS copies_by_record ON copies(record_id);
CREATE TABLE IF NOT EXISTS patrons (
  id TEXT PRIMARY KEY, card_key TEXT NOT NULL UNIQUE, card_last4 TEXT NOT NULL, pin_hash TEXT NOT NULL,
  name TEXT NOT NULL, home_branch_id TEXT NOT NULL,
  hold_limit INTEGER NOT NULL DEFAULT 15, expires_on TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS holds (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
  patron_id TEXT NOT NULL REFERENCES patrons(id), record_id TEXT NOT NULL REFERENCES records(id),
  pickup_branch_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('waiting','in-transit','ready','fulfilled','cancelled','expired')),
  placed_on TEXT NOT NULL, copy_id TEXT REFERENCES copies(id), pick_up_by TEXT, updated_at TEXT NOT NULL,
  suspended INTEGER NOT NULL DEFAULT 0, suspended_until TEXT);
CREATE INDEX IF NOT EXISTS holds_by_patron ON holds(patron_id, status);
CREATE INDEX IF NOT EXISTS holds_by_record ON holds(record_id, status);
${accountsSchema}`;

/** scrypt cost: N=2^14, r=8, p=1 (about 16 MB and tens of milliseconds per check). */
export const defaultPinHashCost = 16384;

/** The demo system's database file in the data folder. */
export const DEMO_LIBRARY_SYSTEM_FILE = 'demo-library-system.sqlite';

function scrypt(secret: string, salt: Buffer, length: number, N: number, r = 8, p = 1): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(secret, salt, length, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so the cost can change later. */
export async function hashPin(pin: string, cost = defaultPinHashCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, 32, cost);
  return `scrypt$${cost}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** The same, blocking: only for seeding at first start. */
export function hashPinSync(pin: string, cost = defaultPinHashCost): string {
  const salt = randomBytes(16);
  const key = scryptSync(pin, salt, 32, { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 + 1024 * 1024 });
  return `scrypt$${cost}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(
    pin,
    Buffer.from(salt, 'base64'),
    expected.length,
    Number(n),
    Number(r),
    Number(p),
  );
  return timingSafeEqual(expected, actual);
}

export class DemoLibrarySystem implements LibrarySystem {
  readonly features: LibrarySystemFeatures = {
    placeHold: true,
    cancelHold: true,
    changePickup: true,
    suspendHold: true,
    checkouts: true,
    renew: true,
    fines: true,
    catalogSearch: true,
  };
  readonly path: string;
  private readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly timeZone: string;
  private readonly holdShelfDays: number;
  private readonly fineBlockCents: number;
  private readonly pinHashCost: number;
  private readonly pickupBranches: DemoBranch[];
  private readonly cardSecret: Buffer;
  private readonly accounts: DemoAccounts;
  /** A real-looking hash to check against when a card is unknown, so both cases take as long. */
  private decoyPinHash = '';

  private constructor(options: DemoLibrarySystemOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.path = join(options.dataDir, options.fileName ?? DEMO_LIBRARY_SYSTEM_FILE);
    // Several bot instances may share the data folder: one waits while another seeds.
    this.db = new Database(this.path, { timeout: 60_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(schema);
    this.now = options.now ?? (() => new Date());
    this.timeZone = options.timeZone ?? 'UTC';
    this.holdShelfDays = options.holdShelfDays ?? 7;
    this.fineBlockCents = options.fineBlockCents ?? 1000;
    this.pinHashCost = options.pinHashCost ?? defaultPinHashCost;
    this.pickupBranches = options.branches.filter((b) => b.kind !== 'bookmobile');
    this.accounts = new DemoAccounts(this.db, {
      today: (plusDays) => this.today(plusDays),
      loanDays: options.loanDays ?? 21,
      renewalLimit: options.renewalLimit ?? 3,
    });
    if (this.pickupBranches.length === 0)
      throw new Error('the demo library system needs at least one branch building');
    // The first instance to start sets it; every instance then reads the same one.
    this.db
      .prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('card-secret', ?)`)
      .run(randomBytes(32).toString('base64'));
    const secret = this.db.prepare(`SELECT value FROM meta WHERE key = 'card-secret'`).get() as {
      value: string;
    };
    this.cardSecret = Buffer.from(secret.value, 'base64');
  }

  /** Opens (and on first start creates and seeds) the demo system's database. */
  static open(options: DemoLibrarySystemOptions): DemoLibrarySystem {
    const system = new DemoLibrarySystem(options);
    try {
      // One write transaction: instances starting together on one data folder seed it once.
      system.db
        .transaction(() => {
          system.migrate();
          const seeded = system.db.prepare(`SELECT value FROM meta WHERE key = 'seeded'`).get();
          if (!seeded) system.seed();
          const accounts = system.db.prepare(`SELECT value FROM meta WHERE key = 'accounts-day'`).get();
          if (!accounts) system.seedAccounts();
          system.keepDemoHoldCurrent();
          system.keepDemoLoansCurrent();
        })
        .immediate();
    } catch (error) {
      system.close();
      throw error;
    }
    return system;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- LibrarySystem ------------------------------------------------------------------------

  async verifyPatron(cardNumber: string, pin: string): Promise<PatronProfile> {
    const row = this.db.prepare(`SELECT * FROM patrons WHERE card_key = ?`).get(this.cardKey(cardNumber)) as
      PatronRow | undefined;
    // An unknown card is checked against a decoy hash so both cases take as long.
    this.decoyPinHash ||= await hashPin(randomBytes(8).toString('hex'), this.pinHashCost);
    const matches = await pinMatches(pin, row?.pin_hash ?? this.decoyPinHash);
    if (!row || !matches) throw new PatronNotVerifiedError();
    return this.profile(row);
  }

  async lookupPatron(identifier: string): Promise<PatronProfile> {
    const row = this.db.prepare(`SELECT * FROM patrons WHERE card_key = ?`).get(this.cardKey(identifier)) as
      PatronRow | undefined;
    if (!row) throw new PatronNotVerifiedError();
    return this.profile(row);
  }

  async getPatron(patronId: string): Promise<PatronProfile> {
    return this.profile(this.patronRow(patronId));
  }

  async listHolds(patronId: string): Promise<Hold[]> {
    this.patronRow(patronId);
    const rows = this.db
      .prepare(`${holdSelect} WHERE h.patron_id = ? AND h.status IN ${activeStates} ORDER BY h.seq`)
      .all(patronId) as HoldRow[];
    return rows.map((row) => this.toHold(row));
  }

  async searchCatalog(query: CatalogQuery): Promise<CatalogRecord[]> {
    const rows = this.db.prepare(`${recordSelect} GROUP BY r.id`).all() as RecordRow[];
    const terms = { keywords: query.keywords, title: query.title, author: query.author };
    return rows
      .filter((row) => !query.format || row.format === query.format)
      .map((row) => ({ row, score: scoreRecord({ ...row, subjects: row.subjects.split(';') }, terms) }))
      .filter((hit) => hit.score > 0)
      .sort(
        (a, b) =>
          b.score - a.score ||
          a.row.title.localeCompare(b.row.title) ||
          formatOrder.indexOf(a.row.format) - formatOrder.indexOf(b.row.format),
      )
      .slice(0, query.limit ?? 10)
      .map((hit) => toRecord(hit.row));
  }

  async listPickupLocations(): Promise<PickupLocation[]> {
    return this.pickupBranches.map((b) => ({ branchId: b.id, name: b.name }));
  }

  async placeHold(patronId: string, request: PlaceHoldRequest): Promise<Hold> {
    const place = this.db.transaction(() => {
      const patron = this.patronRow(patronId);
      const blocks = this.blocks(patron);
      if (blocks.length > 0) throw new PatronBlockedError(blocks.map((b) => b.description));
      const record = this.db
        .prepare(`SELECT id, not_holdable FROM records WHERE id = ?`)
        .get(request.recordId) as
        { id: string; not_holdable: 'digital' | 'library-use-only' | null } | undefined;
      if (!record) throw new NotHoldableError('unknown-record');
      if (record.not_holdable) throw new NotHoldableError(record.not_holdable);
      if (!this.pickupBranches.some((b) => b.id === request.pickupBranchId)) {
        throw new PickupNotAllowedError(request.pickupBranchId);
      }
      const existing = this.db
        .prepare(`SELECT 1 FROM holds WHERE patron_id = ? AND record_id = ? AND status IN ${activeStates}`)
        .get(patronId, record.id);
      if (existing) throw new AlreadyOnHoldError();
      const { count } = this.db
        .prepare(`SELECT COUNT(*) AS count FROM holds WHERE patron_id = ? AND status IN ${activeStates}`)
        .get(patronId) as { count: number };
      if (count >= patron.hold_limit) throw new HoldLimitReachedError(patron.hold_limit);
      const holdId = newHoldId();
      this.db
        .prepare(
          `INSERT INTO holds (id, patron_id, record_id, pickup_branch_id, status, placed_on, updated_at)
           VALUES (?, ?, ?, ?, 'waiting', ?, ?)`,
        )
        .run(holdId, patronId, record.id, request.pickupBranchId, this.today(), this.now().toISOString());
      this.fillQueue(record.id);
      return holdId;
    });
    const holdId = place();
    return this.holdOf(patronId, holdId);
  }

  async cancelHold(patronId: string, holdId: string): Promise<void> {
    this.db.transaction(() => {
      const hold = this.activeHold(patronId, holdId);
      this.setHoldStatus(hold.id, 'cancelled');
      if (hold.copy_id) this.releaseCopy(hold.copy_id, hold.record_id);
    })();
  }

  async changePickup(patronId: string, holdId: string, pickupBranchId: string): Promise<Hold> {
    this.db.transaction(() => {
      const hold = this.activeHold(patronId, holdId);
      if (hold.status === 'ready') throw new HoldNotChangeableError();
      if (!this.pickupBranches.some((b) => b.id === pickupBranchId))
        throw new PickupNotAllowedError(pickupBranchId);
      this.db
        .prepare(`UPDATE holds SET pickup_branch_id = ?, updated_at = ? WHERE id = ?`)
        .run(pickupBranchId, this.now().toISOString(), hold.id);
    })();
    return this.holdOf(patronId, holdId);
  }

  async checkReachable(): Promise<void> {
    try {
      this.db.prepare('SELECT 1').get();
    } catch (error) {
      throw new LibrarySystemUnavailableError('outage', { cause: error });
    }
  }

  async suspendHold(patronId: string, holdId: string, until?: string): Promise<Hold> {
    if (until !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(until)) throw new RangeError('until: yyyy-MM-dd');
    this.db.transaction(() => {
      const hold = this.activeHold(patronId, holdId);
      if (hold.status !== 'waiting') throw new HoldNotChangeableError('suspend');
      this.db
        .prepare(`UPDATE holds SET suspended = 1, suspended_until = ?, updated_at = ? WHERE id = ?`)
        .run(until ?? null, this.now().toISOString(), hold.id);
    })();
    return this.holdOf(patronId, holdId);
  }

  async resumeHold(patronId: string, holdId: string): Promise<Hold> {
    this.db.transaction(() => {
      const hold = this.activeHold(patronId, holdId);
      this.db
        .prepare(`UPDATE holds SET suspended = 0, suspended_until = NULL, updated_at = ? WHERE id = ?`)
        .run(this.now().toISOString(), hold.id);
      this.fillQueue(hold.record_id);
    })();
    return this.holdOf(patronId, holdId);
  }

  async listCheckouts(patronId: string): Promise<Checkout[]> {
    const patron = this.patronRow(patronId);
    return this.accounts.listCheckouts(patronId, this.blocks(patron).length > 0);
  }

  async renew(patronId: string, itemId: string): Promise<RenewResult> {
    return this.db.transaction(() => {
      const patron = this.patronRow(patronId);
      return this.accounts.renew(patronId, itemId, this.blocks(patron).length > 0);
    })();
  }

  async renewAll(patronId: string): Promise<RenewResult[]> {
    return this.db.transaction(() => {
      const patron = this.patronRow(patronId);
      return this.accounts.renewAll(patronId, this.blocks(patron).length > 0);
    })();
  }

  async getFines(patronId: string): Promise<Fines> {
    this.patronRow(patronId);
    return this.accounts.getFines(patronId);
  }

  // ---- Staff-side steps of the life cycle (what circulation staff do at the desk) --------------

  /** A checked-out copy comes back; it fills the first waiting hold on its title, if any. */
  returnCopy(copyId: string): void {
    this.db.transaction(() => {
      const copy = this.db.prepare(`SELECT record_id, status FROM copies WHERE id = ?`).get(copyId) as
        { record_id: string; status: string } | undefined;
      if (!copy || copy.status !== 'checked-out') throw new Error(`copy ${copyId} is not checked out`);
      this.accounts.endLoan(copyId);
      this.releaseCopy(copyId, copy.record_id);
    })();
  }

  /** An in-transit hold is checked in at its pickup branch and goes on the hold shelf. */
  receiveAtPickup(holdId: string): void {
    this.db.transaction(() => {
      const hold = this.db.prepare(`SELECT * FROM holds WHERE id = ?`).get(holdId) as HoldRow | undefined;
      if (!hold || hold.status !== 'in-transit' || !hold.copy_id)
        throw new Error(`hold ${holdId} is not in transit`);
      this.db
        .prepare(`UPDATE copies SET branch_id = ? WHERE id = ?`)
        .run(hold.pickup_branch_id, hold.copy_id);
      this.db
        .prepare(`UPDATE holds SET status = 'ready', pick_up_by = ?, updated_at = ? WHERE id = ?`)
        .run(this.today(this.holdShelfDays), this.now().toISOString(), holdId);
    })();
  }

  /** The patron picks up a ready hold: the copy is checked out to them for a loan period. */
  checkOutHold(holdId: string): void {
    this.db.transaction(() => {
      const hold = this.db.prepare(`SELECT * FROM holds WHERE id = ?`).get(holdId) as HoldRow | undefined;
      if (!hold || hold.status !== 'ready' || !hold.copy_id) throw new Error(`hold ${holdId} is not ready`);
      this.setHoldStatus(holdId, 'fulfilled');
      this.accounts.lend(hold.copy_id, hold.patron_id);
    })();
  }

  /** Expires ready holds whose pick-up-by date has passed; their copies go to the next in line. */
  clearHoldShelf(): number {
    return this.db.transaction(() => {
      const expired = this.db
        .prepare(`SELECT id, record_id, copy_id FROM holds WHERE status = 'ready' AND pick_up_by < ?`)
        .all(this.today()) as { id: string; record_id: string; copy_id: string }[];
      for (const hold of expired) {
        this.setHoldStatus(hold.id, 'expired');
        this.releaseCopy(hold.copy_id, hold.record_id);
      }
      return expired.length;
    })();
  }

  /** Registers a patron (as circulation staff would); returns the new patron id. */
  registerPatron(patron: {
    cardNumber: string;
    pin: string;
    name: string;
    homeBranchId: string;
    finesCents?: number;
    holdLimit?: number;
  }): string {
    const id = `P${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    const card = normalizeCardNumber(patron.cardNumber);
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO patrons (id, card_key, card_last4, pin_hash, name, home_branch_id, hold_limit, expires_on)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          this.cardKey(card),
          card.slice(-4),
          hashPinSync(patron.pin, this.pinHashCost),
          patron.name,
          patron.homeBranchId,
          patron.holdLimit ?? 15,
          this.today(3 * 365),
        );
      if (patron.finesCents) {
        this.accounts.charge(id, {
          kind: 'other',
          description: 'Unpaid fines',
          title: '',
          amountCents: patron.finesCents,
        });
      }
    })();
    return id;
  }

  /** Copies of a record, for demos and tests that drive the life cycle. */
  copiesOf(recordId: string): { copyId: string; branchId: string; status: string }[] {
    return this.db
      .prepare(
        `SELECT id AS copyId, branch_id AS branchId, status FROM copies WHERE record_id = ? ORDER BY id`,
      )
      .all(recordId) as { copyId: string; branchId: string; status: string }[];
  }

  // ---- internals ------------------------------------------------------------------------------

  private cardKey(cardNumber: string): string {
    return createHmac('sha256', this.cardSecret).update(normalizeCardNumber(cardNumber)).digest('base64');
  }

  private today(plusDays = 0): string {
    return (
      DateTime.fromJSDate(this.now(), { zone: this.timeZone }).plus({ days: plusDays }).toISODate() ?? ''
    );
  }

  private patronRow(patronId: string): PatronRow {
    const row = this.db.prepare(`SELECT * FROM patrons WHERE id = ?`).get(patronId) as PatronRow | undefined;
    if (!row) throw new PatronNotVerifiedError();
    return row;
  }

  private blocks(row: PatronRow): PatronBlock[] {
    const blocks: PatronBlock[] = [];
    const owed = this.accounts.balanceCents(row.id);
    if (owed >= this.fineBlockCents) {
      blocks.push({ kind: 'fines', description: `$${(owed / 100).toFixed(2)} in unpaid fines` });
    }
    if (row.expires_on < this.today())
      blocks.push({ kind: 'expired-card', description: 'the library card has expired' });
    return blocks;
  }

  private profile(row: PatronRow): PatronProfile {
    return {
      patronId: row.id,
      name: row.name,
      homeBranchId: row.home_branch_id,
      blocks: this.blocks(row),
      holdLimit: row.hold_limit,
    };
  }

  private activeHold(patronId: string, holdId: string): HoldRow {
    const hold = this.db
      .prepare(`SELECT * FROM holds WHERE id = ? AND patron_id = ? AND status IN ${activeStates}`)
      .get(holdId, patronId) as HoldRow | undefined;
    if (!hold) throw new HoldNotFoundError();
    return hold;
  }

  private holdOf(patronId: string, holdId: string): Hold {
    const row = this.db.prepare(`${holdSelect} WHERE h.id = ? AND h.patron_id = ?`).get(holdId, patronId) as
      HoldRow | undefined;
    if (!row) throw new HoldNotFoundError();
    return this.toHold(row);
  }

  private toHold(row: HoldRow): Hold {
    const base = {
      holdId: row.id,
      recordId: row.record_id,
      title: row.title,
      author: row.author,
      format: row.format,
      pickupBranchId: row.pickup_branch_id,
      placedOn: row.placed_on,
      ...(this.isSuspended(row)
        ? { suspended: row.suspended_until ? { until: row.suspended_until } : {} }
        : {}),
    };
    if (row.status === 'ready')
      return { ...base, status: { state: 'ready', pickUpBy: row.pick_up_by ?? this.today() } };
    if (row.status === 'in-transit') return { ...base, status: { state: 'in-transit' } };
    const queue = this.db
      .prepare(
        `SELECT COUNT(*) AS length, SUM(CASE WHEN seq <= ? THEN 1 ELSE 0 END) AS position
         FROM holds WHERE record_id = ? AND status = 'waiting'`,
      )
      .get(row.seq, row.record_id) as { length: number; position: number };
    return {
      ...base,
      status: { state: 'waiting', queuePosition: queue.position, queueLength: queue.length },
    };
  }

  private setHoldStatus(holdId: string, status: HoldState): void {
    this.db
      .prepare(`UPDATE holds SET status = ?, updated_at = ? WHERE id = ?`)
      .run(status, this.now().toISOString(), holdId);
  }

  private releaseCopy(copyId: string, recordId: string): void {
    this.db.prepare(`UPDATE copies SET status = 'available', due_on = NULL WHERE id = ?`).run(copyId);
    this.fillQueue(recordId);
  }

  /** A paused hold keeps its place in line; it starts again by itself on its `until` day. */
  private isSuspended(row: { suspended: number; suspended_until: string | null }): boolean {
    return row.suspended === 1 && (row.suspended_until === null || row.suspended_until > this.today());
  }

  /** Traps free copies for the holds first in line, preferring a copy already at the pickup branch. */
  private fillQueue(recordId: string): void {
    const waiting = this.db
      .prepare(
        `SELECT id, pickup_branch_id, suspended, suspended_until FROM holds
         WHERE record_id = ? AND status = 'waiting' ORDER BY seq`,
      )
      .all(recordId) as {
      id: string;
      pickup_branch_id: string;
      suspended: number;
      suspended_until: string | null;
    }[];
    for (const hold of waiting) {
      if (this.isSuspended(hold)) continue;
      const copies = this.db
        .prepare(`SELECT id, branch_id FROM copies WHERE record_id = ? AND status = 'available' ORDER BY id`)
        .all(recordId) as { id: string; branch_id: string }[];
      if (copies.length === 0) return;
      const copy = copies.find((c) => c.branch_id === hold.pickup_branch_id) ?? copies[0];
      this.db.prepare(`UPDATE copies SET status = 'on-hold' WHERE id = ?`).run(copy.id);
      this.db
        .prepare(`UPDATE holds SET status = 'in-transit', copy_id = ?, updated_at = ? WHERE id = ?`)
        .run(copy.id, this.now().toISOString(), hold.id);
    }
  }

  /** Keeps the documented "ready until" hold of demo patron 1 in the future on later starts. */
  private keepDemoHoldCurrent(): void {
    const patronId = this.db.prepare(`SELECT value FROM meta WHERE key = 'demo-ready-hold'`).get() as
      { value: string } | undefined;
    if (!patronId) return;
    this.db
      .prepare(`UPDATE holds SET pick_up_by = ? WHERE id = ? AND status = 'ready' AND pick_up_by < ?`)
      .run(this.today(5), patronId.value, this.today());
  }

  /** The branch with this id, or another pickup branch when the configuration has no such id. */
  private branchOr(id: string, fallback: number): string {
    const branches = this.pickupBranches;
    const i = branches.findIndex((b) => b.id === id);
    return branches[i >= 0 ? i : fallback % branches.length].id;
  }

  /**
   * Brings a database written by an earlier version up to date: holds gain the pause columns, and
   * the single fines figure per patron becomes fee lines (the documented lines for demo patron 3
   * come with seedAccounts).
   */
  private migrate(): void {
    const columns = (table: string) =>
      (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    if (!columns('holds').includes('suspended')) {
      this.db.exec(`ALTER TABLE holds ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE holds ADD COLUMN suspended_until TEXT;`);
    }
    if (columns('patrons').includes('fines_cents')) {
      this.db.transaction(() => {
        const owing = this.db
          .prepare(`SELECT id, fines_cents FROM patrons WHERE fines_cents > 0 AND id <> 'P00003'`)
          .all() as { id: string; fines_cents: number }[];
        for (const row of owing) {
          this.accounts.charge(row.id, {
            kind: 'other',
            description: 'Unpaid fines',
            title: '',
            amountCents: row.fines_cents,
          });
        }
        this.db.exec(`ALTER TABLE patrons DROP COLUMN fines_cents`);
      })();
    }
  }

  /**
   * The demo accounts: demo patron 5 with four checkouts (one overdue, one someone else is waiting
   * for, one at its renewal limit, one renewable) and two fees; demo patron 3's $42.50 as fee lines
   * and an overdue checkout. Dates are relative to today; keepDemoLoansCurrent keeps them so.
   */
  private seedAccounts(): void {
    const record = (title: string) => {
      const row = this.db.prepare(`SELECT id FROM records WHERE title = ? AND format = 'book'`).get(title) as
        { id: string } | undefined;
      if (!row) throw new Error(`the demo catalog lacks ${title}`);
      return row.id;
    };
    const insertCopy = this.db.prepare(
      `INSERT INTO copies (id, record_id, branch_id, status, due_on) VALUES (?, ?, ?, 'available', NULL)`,
    );
    const avery = 'P00005';
    const casey = 'P00003';
    const loans: string[] = [];
    this.db.transaction(() => {
      const patron = demoPatrons[4];
      this.db
        .prepare(
          `INSERT INTO patrons (id, card_key, card_last4, pin_hash, name, home_branch_id, hold_limit, expires_on)
           VALUES (?, ?, ?, ?, ?, ?, 15, ?)`,
        )
        .run(
          avery,
          this.cardKey(patron.card),
          patron.card.slice(-4),
          hashPinSync(patron.pin, this.pinHashCost),
          patron.name,
          this.branchOr('riverside', 2),
          this.today(3 * 365),
        );
      const lendNew = (
        copyId: string,
        title: string,
        branch: string,
        dueIn: number,
        renewals: number,
        to = avery,
      ) => {
        insertCopy.run(copyId, record(title), this.branchOr(branch, 0));
        loans.push(this.accounts.lend(copyId, to, this.today(dueIn), renewals));
      };
      lendNew('31099003', 'The Thursday Murder Club', 'riverside', -4, 0);
      lendNew('31099004', 'Dune', 'main', 2, 3);
      lendNew('31099005', 'Atomic Habits', 'riverside', 9, 1);
      // A copy of Project Hail Mary, which three patrons are waiting for.
      const hailMary = this.db
        .prepare(`SELECT id FROM copies WHERE record_id = ? AND status = 'checked-out' ORDER BY id LIMIT 1`)
        .get(record('Project Hail Mary')) as { id: string };
      loans.push(this.accounts.lend(hailMary.id, avery, this.today(5), 0));
      this.accounts.charge(avery, {
        kind: 'overdue',
        description: 'Overdue fine',
        title: 'The Thursday Murder Club',
        amountCents: 100,
        chargedOn: this.today(-1),
      });
      this.accounts.charge(avery, {
        kind: 'card',
        description: 'Replacement library card',
        title: '',
        amountCents: 200,
        chargedOn: this.today(-20),
      });

      lendNew('31099006', 'Where the Crawdads Sing', 'riverside', -40, 1, casey);
      this.accounts.charge(casey, {
        kind: 'overdue',
        description: 'Overdue fine',
        title: 'Where the Crawdads Sing',
        amountCents: 1250,
        chargedOn: this.today(-1),
      });
      this.accounts.charge(casey, {
        kind: 'lost',
        description: 'Lost item replacement',
        title: 'The Hobbit',
        amountCents: 2500,
        chargedOn: this.today(-30),
      });
      this.accounts.charge(casey, {
        kind: 'processing',
        description: 'Lost item processing fee',
        title: 'The Hobbit',
        amountCents: 500,
        chargedOn: this.today(-30),
      });
      this.db.prepare(`INSERT INTO meta (key, value) VALUES ('demo-loans', ?)`).run(JSON.stringify(loans));
      this.db.prepare(`INSERT INTO meta (key, value) VALUES ('accounts-day', ?)`).run(this.today());
    })();
  }

  /** Keeps the documented due dates of the demo loans (overdue by 4 days, ...) relative to today. */
  private keepDemoLoansCurrent(): void {
    const day = this.db.prepare(`SELECT value FROM meta WHERE key = 'accounts-day'`).get() as {
      value: string;
    };
    const loans = this.db.prepare(`SELECT value FROM meta WHERE key = 'demo-loans'`).get() as {
      value: string;
    };
    const today = this.today();
    const days = Math.round(DateTime.fromISO(today).diff(DateTime.fromISO(day.value), 'days').days);
    if (days <= 0) return;
    this.db.transaction(() => {
      this.accounts.shiftDueDates(JSON.parse(loans.value) as string[], days);
      this.db.prepare(`UPDATE meta SET value = ? WHERE key = 'accounts-day'`).run(today);
    })();
  }

  private seed(): void {
    const works = demoCatalog();
    const branches = this.pickupBranches;
    const branchIndex = (id: string, fallback: number) => this.branchOr(id, fallback);
    const pinHashes = demoPatrons.slice(0, 4).map((p) => hashPinSync(p.pin, this.pinHashCost));
    // Patrons who never set a PIN: no PIN matches (and seeding stays quick).
    const noPin = 'none';

    const insertRecord = this.db.prepare(
      `INSERT INTO records (id, work_key, title, author, year, format, subjects, not_holdable) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertCopy = this.db.prepare(
      `INSERT INTO copies (id, record_id, branch_id, status, due_on) VALUES (?, ?, ?, ?, ?)`,
    );
    const insertPatron = this.db.prepare(
      `INSERT INTO patrons (id, card_key, card_last4, pin_hash, name, home_branch_id, hold_limit, expires_on)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertHold = this.db.prepare(
      `INSERT INTO holds (id, patron_id, record_id, pickup_branch_id, status, placed_on, copy_id, pick_up_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = this.now().toISOString();
    const recordIds = new Map<string, string>();

    this.db.transaction(() => {
      let recordNumber = 1000;
      let copyNumber = 100000;
      works.forEach((work, workIndex) => {
        const workKey = `W${String(workIndex + 1).padStart(4, '0')}`;
        for (const format of work.formats) {
          recordNumber += 1;
          const recordId = `R${recordNumber}`;
          recordIds.set(`${work.title}|${format}`, recordId);
          const notHoldable =
            format === 'ebook' ? 'digital' : work.libraryUseOnly ? 'library-use-only' : null;
          insertRecord.run(
            recordId,
            workKey,
            work.title,
            work.author,
            work.year,
            format,
            work.subjects.join(';'),
            notHoldable,
          );
          if (format === 'ebook') continue;
          // Popular titles have a copy at most buildings; others one or two.
          const copies =
            workIndex < 40 ? Math.min(branches.length, 2 + (workIndex % 3)) : 1 + (workIndex % 2);
          for (let c = 0; c < copies; c += 1) {
            copyNumber += 1;
            const checkedOut = (workIndex + c) % 3 === 0;
            insertCopy.run(
              `31${copyNumber}`,
              recordId,
              branches[(workIndex + c) % branches.length].id,
              checkedOut ? 'checked-out' : 'available',
              checkedOut ? this.today(3 + ((workIndex * 7 + c) % 18)) : null,
            );
          }
        }
      });

      const expires = this.today(3 * 365);
      const patronIds = demoPatrons.map((_, i) => `P${String(i + 1).padStart(5, '0')}`);
      // The first four demo patrons; the fifth comes with the accounts (seedAccounts).
      const homes: [string, number][] = [
        ['main', 15],
        ['eastside', 15],
        ['riverside', 15],
        ['oak-hill', 2],
      ];
      homes.forEach(([home, holdLimit], i) =>
        insertPatron.run(
          patronIds[i],
          this.cardKey(demoPatrons[i].card),
          demoPatrons[i].card.slice(-4),
          pinHashes[i],
          demoPatrons[i].name,
          branchIndex(home, i),
          holdLimit,
          expires,
        ),
      );
      // Two other patrons ahead of demo patron 1 in the queue for Project Hail Mary.
      const background = ['P90001', 'P90002'];
      background.forEach((id, i) =>
        insertPatron.run(
          id,
          this.cardKey(`2100000009000${i + 1}`),
          `000${i + 1}`,
          noPin,
          `Background Patron ${i + 1}`,
          branches[0].id,
          15,
          expires,
        ),
      );

      const record = (title: string, format: CatalogFormat) => {
        const id = recordIds.get(`${title}|${format}`);
        if (!id) throw new Error(`demo catalog lacks ${title} (${format})`);
        return id;
      };
      const setCopies = (recordId: string, status: string) =>
        this.db
          .prepare(`UPDATE copies SET status = ?, due_on = ? WHERE record_id = ?`)
          .run(status, status === 'checked-out' ? this.today(12) : null, recordId);

      // 1. Ready at Eastside Branch (its copy sits on the hold shelf there).
      const midnight = record('The Midnight Library', 'book');
      const eastside = branchIndex('eastside', 1);
      setCopies(midnight, 'checked-out');
      insertCopy.run('31099001', midnight, eastside, 'on-hold', null);
      const readyId = newHoldId();
      insertHold.run(
        readyId,
        patronIds[0],
        midnight,
        eastside,
        'ready',
        this.today(-9),
        '31099001',
        this.today(5),
        now,
      );
      this.db.prepare(`INSERT INTO meta (key, value) VALUES ('demo-ready-hold', ?)`).run(readyId);

      // 2. Waiting third in line: every copy is out, two patrons asked first.
      const hailMary = record('Project Hail Mary', 'book');
      setCopies(hailMary, 'checked-out');
      insertHold.run(
        newHoldId(),
        background[0],
        hailMary,
        branches[0].id,
        'waiting',
        this.today(-20),
        null,
        null,
        now,
      );
      insertHold.run(
        newHoldId(),
        background[1],
        hailMary,
        branches[0].id,
        'waiting',
        this.today(-15),
        null,
        null,
        now,
      );
      insertHold.run(
        newHoldId(),
        patronIds[0],
        hailMary,
        branchIndex('main', 0),
        'waiting',
        this.today(-6),
        null,
        null,
        now,
      );

      // 3. In transit from another branch to Main Library.
      const chemistry = record('Lessons in Chemistry', 'book');
      setCopies(chemistry, 'checked-out');
      const fromBranch = branches[branches.length > 1 ? branches.length - 1 : 0].id;
      insertCopy.run('31099002', chemistry, fromBranch, 'on-hold', null);
      insertHold.run(
        newHoldId(),
        patronIds[0],
        chemistry,
        branchIndex('main', 0),
        'in-transit',
        this.today(-3),
        '31099002',
        null,
        now,
      );

      // Demo patron 4 is at their limit of two holds, both waiting.
      for (const title of ['The Women', 'Demon Copperhead']) {
        const id = record(title, 'book');
        setCopies(id, 'checked-out');
        insertHold.run(
          newHoldId(),
          patronIds[3],
          id,
          branchIndex('oak-hill', 3),
          'waiting',
          this.today(-4),
          null,
          null,
          now,
        );
      }

      this.db.prepare(`INSERT INTO meta (key, value) VALUES ('seeded', ?)`).run(now);
    })();
  }
}

const formatOrder: CatalogFormat[] = ['book', 'large-print', 'audiobook', 'ebook', 'dvd'];

const recordSelect = `
  SELECT r.*, COUNT(c.id) AS copies, COALESCE(SUM(CASE WHEN c.status = 'available' THEN 1 ELSE 0 END), 0) AS available
  FROM records r LEFT JOIN copies c ON c.record_id = r.id`;

const holdSelect = `
  SELECT h.*, r.title, r.author, r.format FROM holds h JOIN records r ON r.id = h.record_id`;

function toRecord(row: RecordRow): CatalogRecord {
  return {
    recordId: row.id,
    workKey: row.work_key,
    title: row.title,
    author: row.author,
    year: row.year,
    format: row.format,
    subjects: row.subjects.split(';'),
    holdable: row.not_holdable === null,
    copies: row.copies,
    availableCopies: row.available,
  };
}

function newHoldId(): string {
  return `H${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/**
 * Opens the demo library system; the composition root passes the data folder and branches in.
 * Synchronous so it fits a synchronous composition root (seeding at first start takes a moment).
 */
export function openDemoLibrarySystem(options: DemoLibrarySystemOptions): DemoLibrarySystem {
  return DemoLibrarySystem.open(options);
}

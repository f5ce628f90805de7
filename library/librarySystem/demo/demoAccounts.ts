// The account side of the demo library system: loans (checked-out items with due dates and
// renewals) and fees. It shares the demo system's SQLite database; DemoLibrarySystem owns the file
// and calls in here. Rules follow common ILS policy: an item someone else is waiting for cannot be
// renewed, nor one renewed the most times allowed, nor anything while the account is blocked; a
// renewal runs a full loan period from today.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { CheckoutNotFoundError } from '../errors';
import type {
  CatalogFormat,
  Checkout,
  FeeKind,
  FeeLine,
  Fines,
  Renewability,
  RenewResult,
} from '../librarySystem';

export const accountsSchema = `
CREATE TABLE IF NOT EXISTS loans (
  id TEXT PRIMARY KEY, copy_id TEXT NOT NULL REFERENCES copies(id),
  patron_id TEXT NOT NULL REFERENCES patrons(id), checked_out_on TEXT NOT NULL, due_on TEXT NOT NULL,
  renewals INTEGER NOT NULL DEFAULT 0, returned_on TEXT);
CREATE INDEX IF NOT EXISTS loans_by_patron ON loans(patron_id, returned_on);
CREATE INDEX IF NOT EXISTS loans_by_copy ON loans(copy_id, returned_on);
CREATE TABLE IF NOT EXISTS fees (
  id TEXT PRIMARY KEY, patron_id TEXT NOT NULL REFERENCES patrons(id),
  kind TEXT NOT NULL CHECK (kind IN ('overdue', 'lost', 'damaged', 'processing', 'card', 'other')),
  description TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', amount_cents INTEGER NOT NULL,
  charged_on TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fees_by_patron ON fees(patron_id);
`;

interface LoanRow {
  id: string;
  copy_id: string;
  record_id: string;
  due_on: string;
  renewals: number;
  title: string;
  author: string;
  format: CatalogFormat;
}

interface FeeRow {
  kind: FeeKind;
  description: string;
  title: string;
  amount_cents: number;
  charged_on: string;
}

export interface DemoAccountsOptions {
  /** yyyy-MM-dd in the library's time zone, `plusDays` from today. */
  today: (plusDays?: number) => string;
  /** Days in a loan and in a renewal (default 21). */
  loanDays: number;
  /** Renewals allowed per loan (default 3). */
  renewalLimit: number;
}

const loanSelect = `
  SELECT l.id, l.copy_id, c.record_id, l.due_on, l.renewals, r.title, r.author, r.format
  FROM loans l JOIN copies c ON c.id = l.copy_id JOIN records r ON r.id = c.record_id`;

export class DemoAccounts {
  constructor(
    private readonly db: Database.Database,
    private readonly options: DemoAccountsOptions,
  ) {}

  /** What the patron owes in total, in cents. */
  balanceCents(patronId: string): number {
    const row = this.db
      .prepare(`SELECT COALESCE(SUM(amount_cents), 0) AS total FROM fees WHERE patron_id = ?`)
      .get(patronId) as { total: number };
    return row.total;
  }

  getFines(patronId: string): Fines {
    const rows = this.db
      .prepare(
        `SELECT kind, description, title, amount_cents, charged_on FROM fees WHERE patron_id = ?
         ORDER BY charged_on, rowid`,
      )
      .all(patronId) as FeeRow[];
    const lines: FeeLine[] = rows.map((row) => ({
      kind: row.kind,
      description: row.description,
      title: row.title,
      amountCents: row.amount_cents,
      chargedOn: row.charged_on,
    }));
    return { totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0), currency: 'USD', lines };
  }

  listCheckouts(patronId: string, blocked: boolean): Checkout[] {
    const today = this.options.today();
    return this.activeLoans(patronId).map((loan) => ({
      itemId: loan.copy_id,
      title: loan.title,
      author: loan.author,
      format: loan.format,
      dueDate: loan.due_on,
      overdue: loan.due_on < today,
      renewal: this.renewability(patronId, loan, blocked),
    }));
  }

  /** Runs in the caller's transaction when there is one. */
  renew(patronId: string, itemId: string, blocked: boolean): RenewResult {
    const loan = this.db
      .prepare(`${loanSelect} WHERE l.patron_id = ? AND l.copy_id = ? AND l.returned_on IS NULL`)
      .get(patronId, itemId) as LoanRow | undefined;
    if (!loan) throw new CheckoutNotFoundError();
    return this.renewLoan(patronId, loan, blocked);
  }

  renewAll(patronId: string, blocked: boolean): RenewResult[] {
    return this.activeLoans(patronId).map((loan) => this.renewLoan(patronId, loan, blocked));
  }

  /** Lends a copy to a patron (the circulation desk's checkout); returns the loan id. */
  lend(
    copyId: string,
    patronId: string,
    dueOn = this.options.today(this.options.loanDays),
    renewals = 0,
  ): string {
    const id = `L${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    this.db
      .prepare(
        `INSERT INTO loans (id, copy_id, patron_id, checked_out_on, due_on, renewals) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(id, copyId, patronId, this.options.today(), dueOn, renewals);
    this.db.prepare(`UPDATE copies SET status = 'checked-out', due_on = ? WHERE id = ?`).run(dueOn, copyId);
    return id;
  }

  /** The copy came back: its loan (if it was lent to a known patron) ends today. */
  endLoan(copyId: string): void {
    this.db
      .prepare(`UPDATE loans SET returned_on = ? WHERE copy_id = ? AND returned_on IS NULL`)
      .run(this.options.today(), copyId);
  }

  charge(patronId: string, fee: Omit<FeeLine, 'chargedOn'> & { chargedOn?: string }): void {
    this.db
      .prepare(
        `INSERT INTO fees (id, patron_id, kind, description, title, amount_cents, charged_on) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        `F${randomUUID().replace(/-/g, '').slice(0, 12)}`,
        patronId,
        fee.kind,
        fee.description,
        fee.title,
        fee.amountCents,
        fee.chargedOn ?? this.options.today(),
      );
  }

  /** Moves the due dates of the given loans `days` later (keeps the seeded demo loans current). */
  shiftDueDates(loanIds: string[], days: number): void {
    const shift = this.db.prepare(
      `UPDATE loans SET due_on = date(due_on, ?) WHERE id = ? AND returned_on IS NULL`,
    );
    const shiftCopy = this.db.prepare(
      `UPDATE copies SET due_on = (SELECT due_on FROM loans WHERE id = ?) WHERE id = (SELECT copy_id FROM loans WHERE id = ?)`,
    );
    for (const id of loanIds) {
      shift.run(`${days >= 0 ? '+' : ''}${days} days`, id);
      shiftCopy.run(id, id);
    }
  }

  private activeLoans(patronId: string): LoanRow[] {
    return this.db
      .prepare(`${loanSelect} WHERE l.patron_id = ? AND l.returned_on IS NULL ORDER BY l.due_on, r.title`)
      .all(patronId) as LoanRow[];
  }

  private renewability(patronId: string, loan: LoanRow, blocked: boolean): Renewability {
    if (blocked) return { state: 'not-renewable', reason: 'patron-blocked' };
    const waiting = this.db
      .prepare(
        `SELECT 1 FROM holds WHERE record_id = ? AND patron_id <> ? AND status = 'waiting'
         AND NOT (suspended = 1 AND (suspended_until IS NULL OR suspended_until > ?))`,
      )
      .get(loan.record_id, patronId, this.options.today());
    if (waiting) return { state: 'not-renewable', reason: 'on-hold-for-others' };
    if (loan.renewals >= this.options.renewalLimit)
      return { state: 'not-renewable', reason: 'renewal-limit' };
    return { state: 'renewable', renewalsLeft: this.options.renewalLimit - loan.renewals };
  }

  private renewLoan(patronId: string, loan: LoanRow, blocked: boolean): RenewResult {
    const renewal = this.renewability(patronId, loan, blocked);
    const base = { itemId: loan.copy_id, title: loan.title };
    if (renewal.state === 'not-renewable')
      return { ...base, outcome: { renewed: false, reason: renewal.reason } };
    const dueDate = this.options.today(this.options.loanDays);
    this.db
      .prepare(`UPDATE loans SET due_on = ?, renewals = renewals + 1 WHERE id = ?`)
      .run(dueDate, loan.id);
    this.db.prepare(`UPDATE copies SET due_on = ? WHERE id = ?`).run(dueDate, loan.copy_id);
    return { ...base, outcome: { renewed: true, dueDate } };
  }
}

// LibrarySystem over SIP2. SIP2 identifies everything by card number and item barcode and says
// less than the demo system: no hold ids (a hold is named by the item, or the title, the ILS lists
// for it), no place in line except when a hold is placed, no pickup branch for a hold still in line,
// no renewability until a renewal is tried. What it does not say is left empty ('' or absent) rather
// than guessed. The PIN goes only into AD, once, to check it; patron ids handed to the dialogs are
// the card number sealed with a per-process key (never the card number itself).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import { DateTime } from 'luxon';
import type { CatalogSource } from '../catalogSearch';
import {
  AlreadyOnHoldError,
  CheckoutNotFoundError,
  FeatureNotSupportedError,
  HoldLimitReachedError,
  HoldNotChangeableError,
  HoldNotFoundError,
  LibrarySystemError,
  LibrarySystemUnavailableError,
  NotHoldableError,
  PatronBlockedError,
  PatronNotVerifiedError,
  PickupNotAllowedError,
} from '../errors';
import type {
  CatalogQuery,
  CatalogRecord,
  Checkout,
  FeeLine,
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
import { Sip2Client, type PatronInformation } from './client';
import { Sip2Connection, Sip2TransportError } from './connection';
import type { Sip2Encoding } from './encoding';
import type { Sip2Date } from './message';
import { Sip2Pool } from './pool';
import { vendorQuirks, type Sip2Quirks, type Sip2Vendor } from './quirks';
import {
  formatFromMediaType,
  formatMoney,
  holdRefusal,
  parseFineLine,
  parseMoney,
  renewRefusal,
} from './sip2Text';
import type { Sip2Logger } from './traffic';

export interface Sip2Branch {
  id: string;
  name: string;
  kind: 'building' | 'bookmobile';
  /** The ILS's code for this branch (SIP2 pickup and home location); the branch id when absent. */
  ilsCode?: string;
}

export interface Sip2LibrarySystemOptions {
  host: string;
  port: number;
  tls: boolean;
  tlsOptions?: TlsOptions;
  institution: string;
  /** CP in the login message. */
  locationCode?: string;
  login: { user: string; password: string };
  encoding: Sip2Encoding;
  errorDetection: boolean;
  timeoutMs: number;
  branches: Sip2Branch[];
  timeZone: string;
  vendor?: Sip2Vendor;
  quirks?: Partial<Sip2Quirks>;
  catalog?: CatalogSource;
  /** Connections kept open to the ILS (default 3). */
  poolSize?: number;
  backoff?: { initialMs: number; maxMs: number };
  logger?: Sip2Logger;
  now?: () => Date;
}

/** The ILS refused the SIP2 login (wrong user or password, or the account is not allowed). */
export class Sip2LoginError extends Error {
  constructor(readonly where: string) {
    super(`the SIP2 server at ${where} refused the login`);
    this.name = 'Sip2LoginError';
  }
}

type HoldRef = { kind: 'item'; id: string } | { kind: 'title'; title: string };

interface HoldEntry {
  ref: HoldRef;
  onShelf: boolean;
}

const rememberedLimit = 10_000;

export class Sip2LibrarySystem implements LibrarySystem {
  private readonly pool: Sip2Pool;
  private readonly client: Sip2Client;
  private readonly quirks: Sip2Quirks;
  private readonly sealKey = randomBytes(32);
  private readonly now: () => Date;
  /** What the server's 98 (BX) said it supports, once known. */
  private supported: { hold: boolean; renew: boolean } = { hold: true, renew: true };
  /** Pickup branches this process set, since SIP2 does not report them for holds still in line. */
  private readonly pickupsSet = new Map<string, string>();

  constructor(private readonly options: Sip2LibrarySystemOptions) {
    this.quirks = { ...vendorQuirks[options.vendor ?? 'other'], ...options.quirks };
    this.now = options.now ?? (() => new Date());
    this.pool = new Sip2Pool({
      size: options.poolSize ?? 3,
      connect: () => this.connect(),
      backoff: options.backoff,
    });
    this.client = new Sip2Client(this.pool, {
      institution: options.institution,
      timeZone: options.timeZone,
      now: this.now,
    });
  }

  get features(): LibrarySystemFeatures {
    const hold = this.supported.hold;
    const renew = this.quirks.renew && this.supported.renew;
    return {
      placeHold: hold && this.quirks.placeHold,
      cancelHold: hold && this.quirks.cancelHold,
      changePickup: hold && this.quirks.changePickup,
      suspendHold: false,
      checkouts: true,
      renew,
      fines: true,
      catalogSearch: this.options.catalog !== undefined,
    };
  }

  close(): void {
    this.pool.close();
  }

  /** Opens a new connection and logs in, then closes it: the startup and readiness check of the login. */
  async checkLogin(): Promise<void> {
    const connection = await this.connect();
    connection.close();
  }

  // ---- Patrons -------------------------------------------------------------------------------

  async verifyPatron(cardNumber: string, pin: string): Promise<PatronProfile> {
    return this.call(async () => {
      const card = normalizeCard(cardNumber);
      const info = await this.client.patronInformation(card, { pin });
      if (!info.validPatron || info.validPassword !== true) throw new PatronNotVerifiedError();
      await this.endSession(card);
      return this.profile(card, info);
    });
  }

  async lookupPatron(identifier: string): Promise<PatronProfile> {
    return this.call(async () => {
      const card = normalizeCard(identifier);
      const info = await this.client.patronInformation(card);
      if (!info.validPatron) throw new PatronNotVerifiedError();
      await this.endSession(card);
      return this.profile(card, info);
    });
  }

  async getPatron(patronId: string): Promise<PatronProfile> {
    return this.call(async () => {
      const card = this.unseal(patronId);
      return { ...this.profile(card, await this.patron(card)), patronId };
    });
  }

  // ---- Holds ---------------------------------------------------------------------------------

  async listHolds(patronId: string): Promise<Hold[]> {
    return this.call(async () => {
      const card = this.unseal(patronId);
      const entries = await this.holdEntries(card);
      return Promise.all(entries.map((entry) => this.describeHold(card, entry)));
    });
  }

  async searchCatalog(query: CatalogQuery): Promise<CatalogRecord[]> {
    const catalog = this.options.catalog;
    if (!catalog) throw new FeatureNotSupportedError('catalogSearch');
    return this.call(() => catalog.search(query));
  }

  async listPickupLocations(): Promise<PickupLocation[]> {
    return this.pickupBranches().map((b) => ({ branchId: b.id, name: b.name }));
  }

  async placeHold(patronId: string, request: PlaceHoldRequest): Promise<Hold> {
    if (!this.features.placeHold) throw new FeatureNotSupportedError('placeHold');
    return this.call(async () => {
      const card = this.unseal(patronId);
      const pickup = this.pickupCode(request.pickupBranchId);
      const info = await this.patron(card);
      const blocks = this.blocks(info);
      if (blocks.length > 0) throw new PatronBlockedError(blocks.map((b) => b.description));
      const entries = await this.holdEntries(card);
      const item = await this.client.itemInformation(request.recordId);
      if (item.title === '') throw new NotHoldableError('unknown-record');
      if (entries.some((e) => sameHold(e.ref, request.recordId, item.title))) throw new AlreadyOnHoldError();
      if (info.holdLimit !== undefined && entries.length >= info.holdLimit) {
        throw new HoldLimitReachedError(info.holdLimit);
      }
      const reply = await this.client.hold('+', card, {
        itemId: request.recordId,
        pickupLocation: pickup,
        holdType: '2',
      });
      if (!reply.ok) throw this.holdRefused(reply.screenMessage, request.pickupBranchId, info.holdLimit);
      const ref: HoldRef = { kind: 'item', id: reply.itemId ?? request.recordId };
      this.remember(card, ref, request.pickupBranchId);
      return {
        holdId: holdIdOf(ref),
        recordId: request.recordId,
        title: reply.titleId || item.title,
        author: '',
        format: formatFromMediaType(item.mediaType),
        pickupBranchId: this.branchOf(reply.pickupLocation) || request.pickupBranchId,
        placedOn: this.today(),
        status: { state: 'waiting', ...(reply.queuePosition ? { queuePosition: reply.queuePosition } : {}) },
      };
    });
  }

  async cancelHold(patronId: string, holdId: string): Promise<void> {
    if (!this.features.cancelHold) throw new FeatureNotSupportedError('cancelHold');
    await this.call(async () => {
      const card = this.unseal(patronId);
      const { ref } = await this.ownHold(card, holdId);
      const reply = await this.client.hold('-', card, refFields(ref));
      if (!reply.ok) throw new HoldNotFoundError();
      this.pickupsSet.delete(rememberKey(this.cardKey(card), ref));
    });
  }

  async changePickup(patronId: string, holdId: string, pickupBranchId: string): Promise<Hold> {
    if (!this.features.changePickup) throw new FeatureNotSupportedError('changePickup');
    return this.call(async () => {
      const card = this.unseal(patronId);
      const entry = await this.ownHold(card, holdId);
      if (entry.onShelf) throw new HoldNotChangeableError('pickup');
      const pickupLocation = this.pickupCode(pickupBranchId);
      const reply = await this.client.hold('*', card, { ...refFields(entry.ref), pickupLocation });
      if (!reply.ok) throw this.holdRefused(reply.screenMessage, pickupBranchId, undefined);
      this.remember(card, entry.ref, pickupBranchId);
      return this.describeHold(card, entry);
    });
  }

  async suspendHold(): Promise<Hold> {
    throw new FeatureNotSupportedError('suspendHold');
  }

  async resumeHold(): Promise<Hold> {
    throw new FeatureNotSupportedError('suspendHold');
  }

  // ---- Checkouts, renewals, fines ------------------------------------------------------------

  async listCheckouts(patronId: string): Promise<Checkout[]> {
    return this.call(async () => {
      const card = this.unseal(patronId);
      return this.checkouts(card, await this.patron(card));
    });
  }

  async renew(patronId: string, itemId: string): Promise<RenewResult> {
    if (!this.features.renew) throw new FeatureNotSupportedError('renew');
    return this.call(async () => {
      const card = this.unseal(patronId);
      const charged = await this.chargedItems(card);
      if (!charged.includes(itemId)) throw new CheckoutNotFoundError();
      return this.renewOne(card, itemId, await this.patron(card));
    });
  }

  async renewAll(patronId: string): Promise<RenewResult[]> {
    if (!this.features.renew) throw new FeatureNotSupportedError('renew');
    return this.call(async () => {
      const card = this.unseal(patronId);
      const info = await this.patron(card);
      const before = await this.checkouts(card, info);
      if (before.length === 0) return [];
      const reply = await this.client.renewAll(card);
      // One 65 renews what the ILS allows; each item it did not renew is tried once more alone (29),
      // which is also how its reason is learnt (66 lists items, not reasons).
      const results: RenewResult[] = [];
      for (const checkout of before) {
        if (reply.ok && reply.renewed.includes(checkout.itemId)) {
          const item = await this.client.itemInformation(checkout.itemId);
          const dueDate = this.localDate(item.dueDate);
          results.push({
            itemId: checkout.itemId,
            title: checkout.title,
            outcome: { renewed: true, dueDate },
          });
        } else {
          results.push(await this.renewOne(card, checkout.itemId, info, checkout.title));
        }
      }
      return results;
    });
  }

  async getFines(patronId: string): Promise<Fines> {
    return this.call(async () => {
      const card = this.unseal(patronId);
      const info = await this.client.patronInformation(card, { list: 'fine' });
      if (!info.validPatron) throw new PatronNotVerifiedError();
      const lines: FeeLine[] = info.items
        .map((line) => parseFineLine(line))
        .filter((line): line is Omit<FeeLine, 'chargedOn'> => line !== undefined)
        .map((line) => ({ ...line, chargedOn: '' }));
      const total = parseMoney(info.feeAmount) ?? lines.reduce((sum, line) => sum + line.amountCents, 0);
      return { totalCents: Math.max(0, total), currency: info.currency ?? 'USD', lines };
    });
  }

  async checkReachable(): Promise<void> {
    await this.call(async () => {
      const status = await this.client.scStatus();
      if (!status.online) throw new LibrarySystemUnavailableError('outage');
    });
  }

  // ---- Connections ---------------------------------------------------------------------------

  private async connect(): Promise<Sip2Connection> {
    const { host, port } = this.options;
    const connection = await Sip2Connection.open({
      host,
      port,
      tls: this.options.tls,
      tlsOptions: this.options.tlsOptions,
      encoding: this.options.encoding,
      errorDetection: this.options.errorDetection,
      timeoutMs: this.options.timeoutMs,
      parse: { pipeInValues: this.quirks.pipeInValues },
      logger: this.options.logger,
    });
    try {
      const login = { ...this.options.login, locationCode: this.options.locationCode };
      if (!(await Sip2Client.login(connection, login))) throw new Sip2LoginError(`${host}:${port}`);
      const status = await Sip2Client.status(connection);
      this.supported = { hold: status.supports('hold'), renew: status.supports('renew') };
      return connection;
    } catch (error) {
      connection.close();
      throw error;
    }
  }

  /** Expected refusals pass through; transport and login failures become "unavailable". */
  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof LibrarySystemError) throw error;
      const timedOut = error instanceof Sip2TransportError && error.failure === 'timeout';
      this.options.logger?.warn({ err: error }, 'the SIP2 server failed');
      throw new LibrarySystemUnavailableError(timedOut ? 'timeout' : 'outage', { cause: error });
    }
  }

  private async endSession(card: string): Promise<void> {
    try {
      await this.client.endSession(card);
    } catch {
      // Telling the ILS the patron is done is a courtesy; the sign-in itself succeeded.
    }
  }

  // ---- Patron details ------------------------------------------------------------------------

  private async patron(card: string): Promise<PatronInformation> {
    const info = await this.client.patronInformation(card);
    if (!info.validPatron) throw new PatronNotVerifiedError();
    return info;
  }

  private profile(card: string, info: PatronInformation): PatronProfile {
    return {
      patronId: this.seal(card),
      name: info.name,
      homeBranchId: this.branchOf(info.homeLocation),
      blocks: this.blocks(info),
      holdLimit: info.holdLimit ?? 99,
    };
  }

  private blocks(info: PatronInformation): PatronBlock[] {
    const blocks: PatronBlock[] = [];
    const { flags } = info;
    if (flags.excessiveFines || flags.excessiveFees) {
      const owed = parseMoney(info.feeAmount);
      blocks.push({
        kind: 'fines',
        description: owed ? `${formatMoney(owed, info.currency)} in unpaid fines` : 'unpaid fines',
      });
    }
    if (flags.cardReportedLost)
      blocks.push({ kind: 'lost-card', description: 'the library card was reported lost' });
    if (flags.tooManyOverdue) blocks.push({ kind: 'overdue-items', description: 'too many overdue items' });
    if (/expired/i.test(info.screenMessage)) {
      blocks.push({ kind: 'expired-card', description: 'the library card has expired' });
    }
    if (blocks.length === 0 && (flags.holdDenied || flags.renewalDenied)) {
      blocks.push({ kind: 'other', description: 'a block on the account' });
    }
    return blocks;
  }

  // ---- Holds detail --------------------------------------------------------------------------

  private async holdEntries(card: string): Promise<HoldEntry[]> {
    const [shelf, inLine] = await Promise.all([
      this.client.patronInformation(card, { list: 'hold' }),
      this.client.patronInformation(card, { list: 'unavailable-hold' }),
    ]);
    if (!shelf.validPatron) throw new PatronNotVerifiedError();
    const toRef = (value: string): HoldRef =>
      this.quirks.holdListsAreTitles ? { kind: 'title', title: value } : { kind: 'item', id: value };
    const onShelf = this.quirks.holdItemsIncludeUnavailable
      ? shelf.items.filter((item) => !inLine.items.includes(item))
      : shelf.items;
    return [
      ...onShelf.map((item) => ({ ref: toRef(item), onShelf: true })),
      ...inLine.items.map((item) => ({ ref: toRef(item), onShelf: false })),
    ];
  }

  private async ownHold(card: string, holdId: string): Promise<HoldEntry> {
    const entry = (await this.holdEntries(card)).find((e) => holdIdOf(e.ref) === holdId);
    if (!entry) throw new HoldNotFoundError();
    return entry;
  }

  private async describeHold(card: string, entry: HoldEntry): Promise<Hold> {
    const remembered = this.pickupsSet.get(rememberKey(this.cardKey(card), entry.ref)) ?? '';
    if (entry.ref.kind === 'title') {
      return {
        holdId: holdIdOf(entry.ref),
        recordId: entry.ref.title,
        title: entry.ref.title,
        author: '',
        format: 'book',
        pickupBranchId: remembered,
        placedOn: '',
        status: entry.onShelf ? { state: 'ready', pickUpBy: '' } : { state: 'waiting' },
      };
    }
    const item = await this.client.itemInformation(entry.ref.id);
    const onShelf = entry.onShelf || item.circulationStatus === '08';
    const status: Hold['status'] = onShelf
      ? { state: 'ready', pickUpBy: this.localDate(item.holdPickupDate) }
      : item.circulationStatus === '10'
        ? { state: 'in-transit' }
        : { state: 'waiting' };
    const pickup = onShelf ? (item.pickupLocation ?? item.currentLocation) : item.pickupLocation;
    return {
      holdId: holdIdOf(entry.ref),
      recordId: entry.ref.id,
      title: item.title || entry.ref.id,
      author: '',
      format: formatFromMediaType(item.mediaType),
      pickupBranchId: this.branchOf(pickup) || remembered,
      placedOn: '',
      status,
    };
  }

  private holdRefused(
    screenMessage: string,
    branchId: string,
    limit: number | undefined,
  ): LibrarySystemError {
    switch (holdRefusal(screenMessage)) {
      case 'already':
        return new AlreadyOnHoldError();
      case 'limit':
        return new HoldLimitReachedError(limit ?? 0);
      case 'blocked':
        return new PatronBlockedError(screenMessage ? [screenMessage] : []);
      case 'pickup':
        return new PickupNotAllowedError(branchId);
      case 'unknown-record':
        return new NotHoldableError('unknown-record');
      case 'library-use-only':
        return new NotHoldableError('library-use-only');
      case 'digital':
        return new NotHoldableError('digital');
      case 'refused':
        return new NotHoldableError('refused');
    }
  }

  // ---- Checkouts detail ----------------------------------------------------------------------

  private async chargedItems(card: string): Promise<string[]> {
    const [charged, overdue] = await Promise.all([
      this.client.patronInformation(card, { list: 'charged' }),
      this.client.patronInformation(card, { list: 'overdue' }),
    ]);
    if (!charged.validPatron) throw new PatronNotVerifiedError();
    return [...new Set([...charged.items, ...overdue.items])];
  }

  private async checkouts(card: string, info: PatronInformation): Promise<Checkout[]> {
    const blocked = this.blocks(info).length > 0 || info.flags.renewalDenied;
    const today = this.today();
    const items = await Promise.all(
      (await this.chargedItems(card)).map((itemId) => this.client.itemInformation(itemId)),
    );
    return items
      .map((item): Checkout => {
        const dueDate = this.localDate(item.dueDate);
        return {
          itemId: item.itemId,
          title: item.title || item.itemId,
          author: '',
          format: formatFromMediaType(item.mediaType),
          dueDate,
          overdue: dueDate !== '' && dueDate < today,
          renewal: blocked
            ? { state: 'not-renewable', reason: 'patron-blocked' }
            : (item.holdQueueLength ?? 0) > 0
              ? { state: 'not-renewable', reason: 'on-hold-for-others' }
              : { state: 'unknown' },
        };
      })
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
  }

  private async renewOne(
    card: string,
    itemId: string,
    info: PatronInformation,
    title?: string,
  ): Promise<RenewResult> {
    const reply = await this.client.renew(card, itemId);
    const name = reply.titleId || title || itemId;
    if (reply.ok && reply.renewalOk) {
      return { itemId, title: name, outcome: { renewed: true, dueDate: this.localDate(reply.dueDate) } };
    }
    const blocked = this.blocks(info).length > 0 || info.flags.renewalDenied;
    const reason = blocked ? 'patron-blocked' : renewRefusal(reply.screenMessage);
    return {
      itemId,
      title: name,
      outcome: {
        renewed: false,
        reason,
        ...(reply.screenMessage ? { libraryMessage: reply.screenMessage } : {}),
      },
    };
  }

  // ---- Branches, dates, ids ------------------------------------------------------------------

  private pickupBranches(): Sip2Branch[] {
    return this.options.branches.filter((b) => b.kind === 'building');
  }

  private pickupCode(branchId: string): string {
    const branch = this.pickupBranches().find((b) => b.id === branchId);
    if (!branch) throw new PickupNotAllowedError(branchId);
    return branch.ilsCode ?? branch.id;
  }

  /** The branch id for an ILS location code ('' when none matches). */
  private branchOf(code: string | undefined): string {
    if (!code) return '';
    const wanted = code.trim().toLowerCase();
    return this.options.branches.find((b) => (b.ilsCode ?? b.id).toLowerCase() === wanted)?.id ?? '';
  }

  private today(): string {
    return DateTime.fromJSDate(this.now(), { zone: this.options.timeZone }).toISODate() ?? '';
  }

  /** A SIP2 date as yyyy-MM-dd in the library's time zone ('' when absent). */
  private localDate(date: Sip2Date | undefined): string {
    if (!date) return '';
    if (date.zone !== 'Z' || !date.time) return date.date;
    return (
      DateTime.fromISO(`${date.date}T${date.time}Z`).setZone(this.options.timeZone).toISODate() ?? date.date
    );
  }

  private cardKey(card: string): string {
    return createHmac('sha256', this.sealKey).update(card).digest('base64url');
  }

  private remember(card: string, ref: HoldRef, branchId: string): void {
    const key = rememberKey(this.cardKey(card), ref);
    this.pickupsSet.delete(key);
    this.pickupsSet.set(key, branchId);
    if (this.pickupsSet.size > rememberedLimit) {
      const oldest = this.pickupsSet.keys().next().value;
      if (oldest !== undefined) this.pickupsSet.delete(oldest);
    }
  }

  /** The card number sealed (AES-256-GCM, per-process key): opaque to everyone but this process. */
  private seal(card: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const sealed = Buffer.concat([cipher.update(card, 'utf8'), cipher.final()]);
    return `s2.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
  }

  private unseal(patronId: string): string {
    try {
      if (!patronId.startsWith('s2.')) throw new Error('not ours');
      const bytes = Buffer.from(patronId.slice(3), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.sealKey, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw new PatronNotVerifiedError();
    }
  }
}

function normalizeCard(card: string): string {
  return card.replace(/[\s-]/g, '').toUpperCase();
}

function holdIdOf(ref: HoldRef): string {
  return ref.kind === 'item' ? `item:${ref.id}` : `title:${ref.title}`;
}

function refFields(ref: HoldRef): { itemId?: string; titleId?: string } {
  return ref.kind === 'item' ? { itemId: ref.id } : { titleId: ref.title };
}

function rememberKey(cardKey: string, ref: HoldRef): string {
  return `${cardKey}|${holdIdOf(ref)}`;
}

function sameHold(ref: HoldRef, itemId: string, title: string): boolean {
  return ref.kind === 'item' ? ref.id === itemId : ref.title.toLowerCase() === title.toLowerCase();
}

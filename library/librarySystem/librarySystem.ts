// The boundary to the library's integrated library system (ILS). Protocol-neutral on purpose: the
// embedded demo system and the SIP2 (+SRU) connector implement it. No Bot Framework types here, and
// nothing that identifies a patron except the connector's own patron id, which only `verifyPatron`
// and `lookupPatron` hand out (never a chat user id). Dates are yyyy-MM-dd in the library's time zone;
// money is in cents. A string the library system did not give is '' (SIP2 says less than the demo).

/** Physical and digital formats the catalog distinguishes. */
export type CatalogFormat = 'book' | 'large-print' | 'audiobook' | 'dvd' | 'ebook';

export const formatLabels: Record<CatalogFormat, string> = {
  book: 'Book',
  'large-print': 'Large print',
  audiobook: 'Audiobook (CD)',
  dvd: 'DVD',
  ebook: 'eBook',
};

/** Why an account may not place holds or renew (a patron can still sign in and see their account). */
export interface PatronBlock {
  kind: 'fines' | 'expired-card' | 'lost-card' | 'overdue-items' | 'other';
  /** Words the library would say to the patron ("$42.50 in unpaid fines"). */
  description: string;
}

export interface PatronProfile {
  /** The ILS's own id for the patron; server-side only, never shown and never a card number. */
  patronId: string;
  /** The name to greet the patron with. */
  name: string;
  /** The patron's home branch id ('' when the library system does not say). */
  homeBranchId: string;
  /** Why the account is blocked; empty when it is not. getFines has the amounts behind a fines block. */
  blocks: PatronBlock[];
  /** How many active holds the account may have. */
  holdLimit: number;
}

/** Where a hold is in its life: queued, on its way to the pickup branch, or on the hold shelf. */
export type HoldStatus =
  /** The place in line, when the library system tells it (SIP2 tells it only when a hold is placed). */
  | { state: 'waiting'; queuePosition?: number; queueLength?: number }
  | { state: 'in-transit' }
  | {
      state: 'ready';
      /** yyyy-MM-dd, the last day it is kept for the patron ('' when unknown). */ pickUpBy: string;
    };

export interface Hold {
  holdId: string;
  recordId: string;
  title: string;
  /** '' when the library system does not say. */
  author: string;
  format: CatalogFormat;
  /** '' when the library system does not say (SIP2 names it for holds on the shelf or on their way). */
  pickupBranchId: string;
  /** yyyy-MM-dd ('' when unknown) */
  placedOn: string;
  status: HoldStatus;
  /** Present while the hold is paused: it keeps its place in line but no copy is trapped for it. */
  suspended?: { /** yyyy-MM-dd, when it starts again by itself; absent until resumed. */ until?: string };
}

/** Why an item cannot be renewed. */
export type RenewRefusalReason =
  | 'on-hold-for-others'
  | 'renewal-limit'
  | 'patron-blocked'
  | 'too-soon'
  | 'not-renewable'
  /** The library system refused without a reason we recognise (see `libraryMessage`). */
  | 'other';

/** Whether an item can be renewed now, when the library system says so ahead of time. */
export type Renewability =
  | { state: 'renewable'; /** Renewals left after this one, when known. */ renewalsLeft?: number }
  | { state: 'not-renewable'; reason: RenewRefusalReason }
  /** SIP2 only knows by trying (or that someone is waiting for the item). */
  | { state: 'unknown' };

/** An item checked out to the patron. */
export interface Checkout {
  /** The item's barcode: what renew() takes. */
  itemId: string;
  title: string;
  /** '' when the library system does not say. */
  author: string;
  format: CatalogFormat;
  /** yyyy-MM-dd */
  dueDate: string;
  overdue: boolean;
  renewal: Renewability;
}

export type RenewOutcome =
  | { renewed: true; /** The new due date, yyyy-MM-dd. */ dueDate: string }
  | {
      renewed: false;
      reason: RenewRefusalReason;
      /** The library system's own words (SIP2 screen message), for logs and staff; not patron wording. */
      libraryMessage?: string;
    };

export interface RenewResult {
  itemId: string;
  title: string;
  outcome: RenewOutcome;
}

export type FeeKind = 'overdue' | 'lost' | 'damaged' | 'processing' | 'card' | 'other';

/** One charge on the account. */
export interface FeeLine {
  kind: FeeKind;
  /** Words the library uses for the charge ("Overdue fine", "Lost item replacement"). */
  description: string;
  /** The title it is for, when it is for an item ('' otherwise). */
  title: string;
  amountCents: number;
  /** yyyy-MM-dd when charged ('' when unknown). */
  chargedOn: string;
}

/** What the patron owes: the total, and the lines behind it when the library system lists them. */
export interface Fines {
  totalCents: number;
  /** ISO 4217, e.g. "USD". */
  currency: string;
  lines: FeeLine[];
}

/** One bibliographic record: a title in one format. Formats of the same work share `workKey`. */
export interface CatalogRecord {
  recordId: string;
  workKey: string;
  title: string;
  author: string;
  year: number;
  format: CatalogFormat;
  subjects: string[];
  /** False for items that cannot be held here (e-books borrowed through the e-reading app, reference). */
  holdable: boolean;
  /** Copies the library owns and how many are on the shelf now (0 for digital formats). */
  copies: number;
  availableCopies: number;
  /** Where to find it on the shelf, when the catalog says. */
  callNumber?: string;
}

export interface CatalogQuery {
  /** Words from the patron's message (title, author or subject words). */
  keywords?: string;
  title?: string;
  author?: string;
  format?: CatalogFormat;
  /** At most this many records (default 10). */
  limit?: number;
}

export interface PickupLocation {
  branchId: string;
  name: string;
}

export interface PlaceHoldRequest {
  recordId: string;
  pickupBranchId: string;
}

/**
 * What a connector can do. Dialogs offer only what is true here; a method whose feature is false
 * rejects with FeatureNotSupportedError (e.g. Evergreen's SIP2 server can cancel holds but not
 * place them, and a SIP2 connector without a catalog configured cannot search).
 */
export interface LibrarySystemFeatures {
  placeHold: boolean;
  cancelHold: boolean;
  changePickup: boolean;
  /** Pause and resume a hold. */
  suspendHold: boolean;
  /** List checked-out items with due dates. */
  checkouts: boolean;
  renew: boolean;
  /** The balance and its lines. */
  fines: boolean;
  /** Without it the place-hold conversation gives the library's catalog link instead. */
  catalogSearch: boolean;
}

/**
 * Every call may reject with a `LibrarySystemError` subclass (see errors.ts); anything else is a bug
 * or an outage and callers treat it as `LibrarySystemUnavailableError` (guardLibrarySystem does).
 */
export interface LibrarySystem {
  readonly features: LibrarySystemFeatures;
  /** Checks a card number and PIN. Rejects with PatronNotVerifiedError whatever was wrong. */
  verifyPatron(cardNumber: string, pin: string): Promise<PatronProfile>;
  /**
   * Finds a patron by card number (or the library's patron identifier) WITHOUT a PIN: only for a
   * patron the library's own single sign-on has already authenticated (Entra ID). Unknown ids
   * reject with PatronNotVerifiedError.
   */
  lookupPatron(identifier: string): Promise<PatronProfile>;
  /** The current profile of a patron already verified (blocks can change during a session). */
  getPatron(patronId: string): Promise<PatronProfile>;
  /** The patron's active holds (waiting, in transit, ready), oldest first. */
  listHolds(patronId: string): Promise<Hold[]>;
  searchCatalog(query: CatalogQuery): Promise<CatalogRecord[]>;
  /** Branches where holds can be picked up. */
  listPickupLocations(): Promise<PickupLocation[]>;
  placeHold(patronId: string, request: PlaceHoldRequest): Promise<Hold>;
  /** Cancels one of this patron's holds; another patron's hold id is HoldNotFoundError. */
  cancelHold(patronId: string, holdId: string): Promise<void>;
  /** A hold on the shelf keeps its branch (HoldNotChangeableError). */
  changePickup(patronId: string, holdId: string, pickupBranchId: string): Promise<Hold>;
  /** Pauses a waiting hold, until a date or until resumed; others are HoldNotChangeableError. */
  suspendHold(patronId: string, holdId: string, until?: string): Promise<Hold>;
  resumeHold(patronId: string, holdId: string): Promise<Hold>;
  /** Items checked out to the patron, soonest due first. */
  listCheckouts(patronId: string): Promise<Checkout[]>;
  /** Renews one item; a refusal is a result with its reason. Another patron's item is CheckoutNotFoundError. */
  renew(patronId: string, itemId: string): Promise<RenewResult>;
  /** Tries every item checked out to the patron; one result per item, in listCheckouts order. */
  renewAll(patronId: string): Promise<RenewResult[]>;
  getFines(patronId: string): Promise<Fines>;
  /** For /readyz: resolves when the system answers, rejects with LibrarySystemUnavailableError. */
  checkReachable(): Promise<void>;
}

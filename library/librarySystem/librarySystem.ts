// The boundary to the library's integrated library system (ILS). Protocol-neutral on purpose: the
// embedded demo system implements it today; SIP2 and SRU connectors implement it later. No Bot
// Framework types here, and nothing that identifies a patron except the ILS's own patron id, which
// only `verifyPatron` hands out (never a chat user id).

/** Physical and digital formats the catalog distinguishes. */
export type CatalogFormat = 'book' | 'large-print' | 'audiobook' | 'dvd' | 'ebook';

export const formatLabels: Record<CatalogFormat, string> = {
  book: 'Book',
  'large-print': 'Large print',
  audiobook: 'Audiobook (CD)',
  dvd: 'DVD',
  ebook: 'eBook',
};

/** Why an account may not place holds (a patron can still sign in and see their holds). */
export interface PatronBlock {
  kind: 'fines' | 'expired-card' | 'other';
  /** Words the library would say to the patron ("$42.50 in unpaid fines"). */
  description: string;
}

export interface PatronProfile {
  /** The ILS's own id for the patron; server-side only, never shown and never a card number. */
  patronId: string;
  /** The name to greet the patron with. */
  name: string;
  homeBranchId: string;
  blocks: PatronBlock[];
  /** How many active holds the account may have. */
  holdLimit: number;
}

/** Where a hold is in its life: queued, on its way to the pickup branch, or on the hold shelf. */
export type HoldStatus =
  | { state: 'waiting'; queuePosition: number; queueLength: number }
  | { state: 'in-transit' }
  | { state: 'ready'; /** yyyy-MM-dd, the last day it is kept for the patron. */ pickUpBy: string };

export interface Hold {
  holdId: string;
  recordId: string;
  title: string;
  author: string;
  format: CatalogFormat;
  pickupBranchId: string;
  /** yyyy-MM-dd */
  placedOn: string;
  status: HoldStatus;
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
  changePickup(patronId: string, holdId: string, pickupBranchId: string): Promise<Hold>;
  /** For /readyz: resolves when the system answers, rejects with LibrarySystemUnavailableError. */
  checkReachable(): Promise<void>;
}

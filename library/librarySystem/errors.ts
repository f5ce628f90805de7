// Expected refusals from the library system, typed so dialogs can say something precise.
// Messages are for logs and developers; dialogs word their own text for patrons.
import type { LibrarySystemFeatures } from './librarySystem';

export type LibrarySystemErrorCode =
  | 'patron-not-verified'
  | 'patron-blocked'
  | 'hold-limit-reached'
  | 'already-on-hold'
  | 'not-holdable'
  | 'hold-not-found'
  | 'pickup-not-allowed'
  | 'hold-not-changeable'
  | 'checkout-not-found'
  | 'not-supported'
  | 'unavailable';

export abstract class LibrarySystemError extends Error {
  abstract readonly code: LibrarySystemErrorCode;
}

/** Unknown card number or wrong PIN: deliberately one error that never says which. */
export class PatronNotVerifiedError extends LibrarySystemError {
  readonly code = 'patron-not-verified';
  constructor() {
    super('The card number and PIN were not accepted.');
    this.name = 'PatronNotVerifiedError';
  }
}

export class PatronBlockedError extends LibrarySystemError {
  readonly code = 'patron-blocked';
  constructor(readonly reasons: string[]) {
    super('The account is blocked from placing holds.');
    this.name = 'PatronBlockedError';
  }
}

export class HoldLimitReachedError extends LibrarySystemError {
  readonly code = 'hold-limit-reached';
  constructor(readonly limit: number) {
    super(`The account already has the maximum of ${limit} holds.`);
    this.name = 'HoldLimitReachedError';
  }
}

export class AlreadyOnHoldError extends LibrarySystemError {
  readonly code = 'already-on-hold';
  constructor() {
    super('The patron already has a hold on this record.');
    this.name = 'AlreadyOnHoldError';
  }
}

export class NotHoldableError extends LibrarySystemError {
  readonly code = 'not-holdable';
  /** `refused`: the library system said no without a reason we recognise. */
  constructor(readonly reason: 'digital' | 'library-use-only' | 'unknown-record' | 'refused') {
    super(`The record cannot be placed on hold (${reason}).`);
    this.name = 'NotHoldableError';
  }
}

/** The hold does not exist, is no longer active, or belongs to someone else (never says which). */
export class HoldNotFoundError extends LibrarySystemError {
  readonly code = 'hold-not-found';
  constructor() {
    super('No such active hold on this account.');
    this.name = 'HoldNotFoundError';
  }
}

export class PickupNotAllowedError extends LibrarySystemError {
  readonly code = 'pickup-not-allowed';
  constructor(readonly branchId: string) {
    super(`Holds cannot be picked up at "${branchId}".`);
    this.name = 'PickupNotAllowedError';
  }
}

/** A hold already on the hold shelf keeps its pickup branch; only a waiting hold can be paused. */
export class HoldNotChangeableError extends LibrarySystemError {
  readonly code = 'hold-not-changeable';
  constructor(readonly change: 'pickup' | 'suspend' = 'pickup') {
    super(
      change === 'pickup'
        ? 'The hold is ready for pickup and its pickup branch can no longer change.'
        : 'Only a hold still waiting in line can be paused.',
    );
    this.name = 'HoldNotChangeableError';
  }
}

/** The item is not checked out to this patron (or not at all; never says which). */
export class CheckoutNotFoundError extends LibrarySystemError {
  readonly code = 'checkout-not-found';
  constructor() {
    super('No such item checked out to this account.');
    this.name = 'CheckoutNotFoundError';
  }
}

/** The connector cannot do this (see LibrarySystem.features); dialogs should not have offered it. */
export class FeatureNotSupportedError extends LibrarySystemError {
  readonly code = 'not-supported';
  constructor(readonly feature: keyof LibrarySystemFeatures) {
    super(`This library system does not support "${feature}".`);
    this.name = 'FeatureNotSupportedError';
  }
}

/** Outage, timeout or an unexpected failure. `cause` is kept for logs only. */
export class LibrarySystemUnavailableError extends LibrarySystemError {
  readonly code = 'unavailable';
  constructor(
    readonly reason: 'timeout' | 'outage',
    options?: { cause?: unknown },
  ) {
    super(
      reason === 'timeout' ? 'The library system did not answer in time.' : 'The library system failed.',
      options,
    );
    this.name = 'LibrarySystemUnavailableError';
  }
}

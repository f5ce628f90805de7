// Every call to the library system goes through this guard: a time limit
// (config.librarySystem.timeoutMs), and anything that is not an expected refusal becomes
// LibrarySystemUnavailableError, so no stack trace or driver message can reach a patron.
import { LibrarySystemError, LibrarySystemUnavailableError } from './errors';
import type { LibrarySystem } from './librarySystem';

/** The names of the calls a library system answers. */
export type LibrarySystemOperation = Exclude<keyof LibrarySystem, 'features'>;

export interface GuardOptions {
  timeoutMs: number;
  /** Called with the operation name and the original failure, for the lead's logger. */
  onFailure?: (operation: LibrarySystemOperation, error: unknown) => void;
}

export function guardLibrarySystem(system: LibrarySystem, options: GuardOptions): LibrarySystem {
  const guard = <T>(operation: LibrarySystemOperation, call: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        options.onFailure?.(operation, new Error(`timed out after ${options.timeoutMs} ms`));
        reject(new LibrarySystemUnavailableError('timeout'));
      }, options.timeoutMs);
      let pending: Promise<T>;
      try {
        pending = call();
      } catch (error) {
        pending = Promise.reject(error);
      }
      pending.then(
        (value) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (error instanceof LibrarySystemError && !(error instanceof LibrarySystemUnavailableError)) {
            reject(error);
            return;
          }
          options.onFailure?.(operation, error);
          reject(
            error instanceof LibrarySystemUnavailableError
              ? error
              : new LibrarySystemUnavailableError('outage', { cause: error }),
          );
        },
      );
    });

  return {
    // Read through: a SIP2 connector learns what its server supports when it first connects.
    get features() {
      return system.features;
    },
    verifyPatron: (cardNumber, pin) => guard('verifyPatron', () => system.verifyPatron(cardNumber, pin)),
    lookupPatron: (identifier) => guard('lookupPatron', () => system.lookupPatron(identifier)),
    getPatron: (patronId) => guard('getPatron', () => system.getPatron(patronId)),
    listHolds: (patronId) => guard('listHolds', () => system.listHolds(patronId)),
    searchCatalog: (query) => guard('searchCatalog', () => system.searchCatalog(query)),
    listPickupLocations: () => guard('listPickupLocations', () => system.listPickupLocations()),
    placeHold: (patronId, request) => guard('placeHold', () => system.placeHold(patronId, request)),
    cancelHold: (patronId, holdId) => guard('cancelHold', () => system.cancelHold(patronId, holdId)),
    changePickup: (patronId, holdId, branchId) =>
      guard('changePickup', () => system.changePickup(patronId, holdId, branchId)),
    suspendHold: (patronId, holdId, until) =>
      guard('suspendHold', () => system.suspendHold(patronId, holdId, until)),
    resumeHold: (patronId, holdId) => guard('resumeHold', () => system.resumeHold(patronId, holdId)),
    listCheckouts: (patronId) => guard('listCheckouts', () => system.listCheckouts(patronId)),
    renew: (patronId, itemId) => guard('renew', () => system.renew(patronId, itemId)),
    renewAll: (patronId) => guard('renewAll', () => system.renewAll(patronId)),
    getFines: (patronId) => guard('getFines', () => system.getFines(patronId)),
    checkReachable: () => guard('checkReachable', () => system.checkReachable()),
  };
}

// Outages on demand, for tests and for rehearsing the outage conversation in a demo: wrap a
// library system, then switch it to fail fast ("down") or never answer ("hang"). Put the guard
// (guardLibrarySystem) outside this wrapper so a hang turns into the timeout error.
import type { LibrarySystemOperation as Operation } from '../../library/librarySystem/guardedLibrarySystem';
import type { LibrarySystem } from '../../library/librarySystem/librarySystem';

export type FaultMode = 'none' | 'down' | 'hang';

export interface FaultInjectingLibrarySystem extends LibrarySystem {
  setFault(mode: FaultMode, operations?: Operation[]): void;
}

export function injectFaults(system: LibrarySystem): FaultInjectingLibrarySystem {
  let mode: FaultMode = 'none';
  let only: Set<Operation> | undefined;
  const run = <T>(operation: Operation, call: () => Promise<T>): Promise<T> => {
    if (mode === 'none' || (only && !only.has(operation))) return call();
    if (mode === 'down') return Promise.reject(new Error('ECONNREFUSED 10.0.0.5:6001 (simulated outage)'));
    return new Promise<T>(() => undefined);
  };
  return {
    setFault(next, operations) {
      mode = next;
      only = operations ? new Set(operations) : undefined;
    },
    // Read through: a SIP2 connector learns what its server supports when it first connects.
    get features() {
      return system.features;
    },
    verifyPatron: (cardNumber, pin) => run('verifyPatron', () => system.verifyPatron(cardNumber, pin)),
    lookupPatron: (identifier) => run('lookupPatron', () => system.lookupPatron(identifier)),
    getPatron: (patronId) => run('getPatron', () => system.getPatron(patronId)),
    listHolds: (patronId) => run('listHolds', () => system.listHolds(patronId)),
    searchCatalog: (query) => run('searchCatalog', () => system.searchCatalog(query)),
    listPickupLocations: () => run('listPickupLocations', () => system.listPickupLocations()),
    placeHold: (patronId, request) => run('placeHold', () => system.placeHold(patronId, request)),
    cancelHold: (patronId, holdId) => run('cancelHold', () => system.cancelHold(patronId, holdId)),
    changePickup: (patronId, holdId, branchId) =>
      run('changePickup', () => system.changePickup(patronId, holdId, branchId)),
    suspendHold: (patronId, holdId, until) =>
      run('suspendHold', () => system.suspendHold(patronId, holdId, until)),
    resumeHold: (patronId, holdId) => run('resumeHold', () => system.resumeHold(patronId, holdId)),
    listCheckouts: (patronId) => run('listCheckouts', () => system.listCheckouts(patronId)),
    renew: (patronId, itemId) => run('renew', () => system.renew(patronId, itemId)),
    renewAll: (patronId) => run('renewAll', () => system.renewAll(patronId)),
    getFines: (patronId) => run('getFines', () => system.getFines(patronId)),
    checkReachable: () => run('checkReachable', () => system.checkReachable()),
  };
}

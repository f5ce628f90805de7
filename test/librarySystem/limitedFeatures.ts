// A library system with some features turned off, as a connector whose server lacks them would be:
// `features` says false and the calls reject with FeatureNotSupportedError (the contract's rule).
import { FeatureNotSupportedError } from '../../library/librarySystem/errors';
import type { LibrarySystem, LibrarySystemFeatures } from '../../library/librarySystem/librarySystem';

type Feature = keyof LibrarySystemFeatures;

export function withoutFeatures(system: LibrarySystem, off: readonly Feature[]): LibrarySystem {
  const disabled = new Set<Feature>(off);
  const gate = <T>(feature: Feature, call: () => Promise<T>): Promise<T> =>
    disabled.has(feature) ? Promise.reject(new FeatureNotSupportedError(feature)) : call();
  return {
    get features() {
      const features = { ...system.features };
      for (const feature of disabled) features[feature] = false;
      return features;
    },
    verifyPatron: (cardNumber, pin) => system.verifyPatron(cardNumber, pin),
    lookupPatron: (identifier) => system.lookupPatron(identifier),
    getPatron: (patronId) => system.getPatron(patronId),
    listHolds: (patronId) => system.listHolds(patronId),
    searchCatalog: (query) => gate('catalogSearch', () => system.searchCatalog(query)),
    listPickupLocations: () => system.listPickupLocations(),
    placeHold: (patronId, request) => gate('placeHold', () => system.placeHold(patronId, request)),
    cancelHold: (patronId, holdId) => gate('cancelHold', () => system.cancelHold(patronId, holdId)),
    changePickup: (patronId, holdId, branchId) =>
      gate('changePickup', () => system.changePickup(patronId, holdId, branchId)),
    suspendHold: (patronId, holdId, until) =>
      gate('suspendHold', () => system.suspendHold(patronId, holdId, until)),
    resumeHold: (patronId, holdId) => gate('suspendHold', () => system.resumeHold(patronId, holdId)),
    listCheckouts: (patronId) => gate('checkouts', () => system.listCheckouts(patronId)),
    renew: (patronId, itemId) => gate('renew', () => system.renew(patronId, itemId)),
    renewAll: (patronId) => gate('renew', () => system.renewAll(patronId)),
    getFines: (patronId) => gate('fines', () => system.getFines(patronId)),
    checkReachable: () => system.checkReachable(),
  };
}

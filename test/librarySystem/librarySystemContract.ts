// The LibrarySystem contract: what every implementation (the demo system, the guarded wrapper, the
// SIP2 connector) must do, whatever its data. A provider hands the suite a "world": a fresh system
// plus the facts the suite may rely on (which patron has which holds, which record can be held).
// No case here knows which provider it runs against; what a provider cannot do it declares in
// `system.features`, and the suite then checks the refusal instead of the behaviour.
import { expect } from 'chai';
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
} from '../../library/librarySystem/errors';
import type {
  CatalogQuery,
  FeeLine,
  Hold,
  HoldStatus,
  LibrarySystem,
  LibrarySystemFeatures,
  PatronBlock,
  Renewability,
  RenewResult,
  RenewRefusalReason,
} from '../../library/librarySystem/librarySystem';

export interface WorldPatron {
  card: string;
  pin: string;
  name: string;
  homeBranchId: string;
}

/** A hold the world's data guarantees, as listHolds must show it. */
export interface ExpectedHold {
  title: string;
  pickupBranchId: string;
  status: HoldStatus;
}

/** An item the world's data has checked out to a patron, and what renewing it today does. */
export interface ExpectedCheckout {
  title: string;
  dueDate: string;
  overdue: boolean;
  renewal: Renewability;
  renewOutcome: 'renewed' | RenewRefusalReason;
}

export interface ExpectedFines {
  totalCents: number;
  lines: Pick<FeeLine, 'kind' | 'description' | 'title' | 'amountCents'>[];
}

export interface LibrarySystemWorld {
  system: LibrarySystem;
  patrons: {
    /** Holds at least one ready, one waiting and one in-transit hold, listed in `holds` (oldest first). */
    withHolds: WorldPatron & { holds: ExpectedHold[] };
    /** No holds, no blocks, well under the hold limit. */
    noHolds: WorldPatron;
    /** Blocked from placing holds and renewing; `blocks` is what getPatron reports. */
    blocked: WorldPatron & { blocks: PatronBlock[]; checkouts: ExpectedCheckout[]; fines: ExpectedFines };
    /** Has checkouts (soonest due first): one overdue, one others wait for, one at its renewal limit. */
    borrower: WorldPatron & { checkouts: ExpectedCheckout[]; fines: ExpectedFines };
    /** Exactly at the hold limit. */
    atHoldLimit: WorldPatron & { holdLimit: number };
  };
  /** The due date a renewal made today gives. */
  renewedDueDate: string;
  /** A card number no patron has. */
  unknownCard: string;
  records: {
    /** A record nobody in the world holds and any patron may place a hold on. */
    holdable: { recordId: string; title: string };
    /** Records that must be refused, with the reason the error carries. */
    notHoldable: { recordId: string; reason: NotHoldableError['reason'] }[];
  };
  /** Catalog searches and a title each must find (used when the catalog search feature is on). */
  searches: { query: CatalogQuery; title: string; author: string }[];
  /** Branch ids of the pickup locations, in the order listPickupLocations gives them. */
  pickupLocations: string[];
  /** Branch ids (or codes) holds can never be picked up at. */
  notPickupLocations: string[];
  /** Makes the system unreachable (closes its database or its connections). */
  takeDown(): Promise<void>;
  cleanup(): Promise<void>;
}

/** The error a call fails with; fails the test if the call succeeds. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

function spaced(card: string): string {
  // "21000000000001" typed as "2100 0000 0000-01".
  const groups = card.match(/.{1,4}/g) ?? [card];
  return `${groups.slice(0, -1).join(' ')}-${groups[groups.length - 1]}`;
}

function byTitle(holds: Hold[], title: string): Hold {
  const hold = holds.find((h) => h.title === title);
  expect(hold, `a hold on ${title}`).to.not.equal(undefined);
  return hold as Hold;
}

function firstWith(holds: Hold[], state: HoldStatus['state']): Hold {
  const hold = holds.find((h) => h.status.state === state);
  expect(hold, `a ${state} hold`).to.not.equal(undefined);
  return hold as Hold;
}

/**
 * Runs `body` when the system declares `feature`; otherwise checks that `attempt` is refused as not
 * supported, so a declared gap is still a tested behaviour.
 */
async function whenSupported(
  system: LibrarySystem,
  feature: keyof LibrarySystemFeatures,
  attempt: () => Promise<unknown>,
  body: () => Promise<void>,
): Promise<void> {
  if (system.features[feature]) return body();
  const error = await rejection(attempt());
  expect(error, feature).to.be.instanceOf(FeatureNotSupportedError);
  expect((error as FeatureNotSupportedError).feature).to.equal(feature);
  expect((error as LibrarySystemError).code).to.equal('not-supported');
}

export function librarySystemContract(name: string, openWorld: () => Promise<LibrarySystemWorld>): void {
  describe(`LibrarySystem contract: ${name}`, () => {
    let world: LibrarySystemWorld;
    let system: LibrarySystem;
    beforeEach(async () => {
      world = await openWorld();
      system = world.system;
    });
    afterEach(async () => world.cleanup());

    const signIn = async (patron: WorldPatron) =>
      (await system.verifyPatron(patron.card, patron.pin)).patronId;

    describe('verifyPatron, lookupPatron, getPatron', () => {
      it('returns each patron’s profile, with an id that is not the card number', async () => {
        for (const patron of Object.values(world.patrons)) {
          const profile = await system.verifyPatron(patron.card, patron.pin);
          expect(profile, patron.name).to.include({ name: patron.name, homeBranchId: patron.homeBranchId });
          expect(profile.patronId).to.be.a('string').and.not.include(patron.card);
          expect(profile.holdLimit).to.be.a('number').and.be.greaterThan(0);
        }
        const blocked = await system.verifyPatron(world.patrons.blocked.card, world.patrons.blocked.pin);
        expect(blocked.blocks).to.deep.equal(world.patrons.blocked.blocks);
        const open = await system.verifyPatron(world.patrons.noHolds.card, world.patrons.noHolds.pin);
        expect(open.blocks).to.deep.equal([]);
        const limited = world.patrons.atHoldLimit;
        expect((await system.verifyPatron(limited.card, limited.pin)).holdLimit).to.equal(limited.holdLimit);
      });

      it('accepts a card number typed with spaces or dashes', async () => {
        const patron = world.patrons.noHolds;
        expect((await system.verifyPatron(spaced(patron.card), patron.pin)).name).to.equal(patron.name);
      });

      it('gives the same error, saying nothing of which, for a wrong PIN and an unknown card', async () => {
        const patron = world.patrons.withHolds;
        const wrongPin = await rejection(system.verifyPatron(patron.card, `${patron.pin}9`));
        const unknownCard = await rejection(system.verifyPatron(world.unknownCard, patron.pin));
        expect(wrongPin).to.be.instanceOf(PatronNotVerifiedError);
        expect(unknownCard).to.be.instanceOf(PatronNotVerifiedError);
        expect((wrongPin as LibrarySystemError).code).to.equal('patron-not-verified');
        expect(wrongPin.message).to.equal(unknownCard.message);
        expect(wrongPin.message).to.not.match(/unknown|not found|wrong|incorrect/i);
      });

      it('lookupPatron (after single sign-on) finds a patron by card number alone', async () => {
        const patron = world.patrons.blocked;
        expect((await system.lookupPatron(spaced(patron.card))).name).to.equal(patron.name);
        expect(await rejection(system.lookupPatron(world.unknownCard))).to.be.instanceOf(
          PatronNotVerifiedError,
        );
      });

      it('getPatron returns the current profile and refuses an id it never issued', async () => {
        expect(await rejection(system.getPatron('never-issued-0'))).to.be.instanceOf(PatronNotVerifiedError);
        const patron = world.patrons.withHolds;
        const patronId = await signIn(patron);
        expect(await system.getPatron(patronId)).to.include({ patronId, name: patron.name });
      });
    });

    describe('listHolds', () => {
      it('lists every active hold with its title, pickup branch and status, oldest first', async () => {
        const patron = world.patrons.withHolds;
        const holds = await system.listHolds(await signIn(patron));
        expect(
          holds.map((h) => ({ title: h.title, pickupBranchId: h.pickupBranchId, status: h.status })),
        ).to.deep.equal(patron.holds);
        for (const hold of holds) {
          expect(hold.holdId, hold.title).to.be.a('string').and.not.equal('');
          expect(hold.recordId, hold.title).to.be.a('string').and.not.equal('');
        }
        expect(new Set(holds.map((h) => h.status.state))).to.deep.equal(
          new Set(['ready', 'waiting', 'in-transit']),
        );
      });

      it('lists nothing for a patron without holds', async () => {
        expect(await system.listHolds(await signIn(world.patrons.noHolds))).to.deep.equal([]);
      });
    });

    describe('searchCatalog', () => {
      it('finds records by title, author or keywords, and nothing for words that match no record', async () => {
        // Declared absent, every search says so and dialogs give the catalog link instead.
        await whenSupported(
          system,
          'catalogSearch',
          () => system.searchCatalog(world.searches[0].query),
          async () => {
            for (const search of world.searches) {
              const found = await system.searchCatalog(search.query);
              const match = found.find((r) => r.title === search.title);
              expect(match, JSON.stringify(search.query)).to.not.equal(undefined);
              expect(match?.author).to.equal(search.author);
              expect(match?.recordId).to.be.a('string').and.not.equal('');
            }
            expect(await system.searchCatalog({ keywords: 'zzyzx quorble' })).to.deep.equal([]);
            expect(await system.searchCatalog({ keywords: '   ' })).to.deep.equal([]);
            expect(await system.searchCatalog({ ...world.searches[0].query, limit: 1 })).to.have.length(1);
          },
        );
      });
    });

    describe('listPickupLocations', () => {
      it('lists the branches where holds can be picked up, with their names', async () => {
        const locations = await system.listPickupLocations();
        expect(locations.map((l) => l.branchId)).to.deep.equal(world.pickupLocations);
        for (const location of locations) expect(location.name).to.be.a('string').and.not.equal('');
      });
    });

    describe('placeHold', () => {
      const holdable = () => ({
        recordId: world.records.holdable.recordId,
        pickupBranchId: world.pickupLocations[0],
      });

      it('places a hold that then shows in the patron’s list', async () => {
        const patronId = await signIn(world.patrons.noHolds);
        const pickupBranchId = world.pickupLocations[1] ?? world.pickupLocations[0];
        const request = { ...holdable(), pickupBranchId };
        await whenSupported(
          system,
          'placeHold',
          () => system.placeHold(patronId, request),
          async () => {
            const hold = await system.placeHold(patronId, request);
            expect(hold).to.include({ title: world.records.holdable.title, pickupBranchId });
            expect(['waiting', 'in-transit', 'ready']).to.include(hold.status.state);
            const listed = byTitle(await system.listHolds(patronId), world.records.holdable.title);
            expect(listed.holdId).to.equal(hold.holdId);
            expect(listed.pickupBranchId).to.equal(pickupBranchId);
          },
        );
      });

      it('refuses a second hold on the same record', async () => {
        const patronId = await signIn(world.patrons.noHolds);
        await whenSupported(
          system,
          'placeHold',
          () => system.placeHold(patronId, holdable()),
          async () => {
            await system.placeHold(patronId, holdable());
            const error = await rejection(system.placeHold(patronId, holdable()));
            expect(error).to.be.instanceOf(AlreadyOnHoldError);
            expect((error as LibrarySystemError).code).to.equal('already-on-hold');
            expect(await system.listHolds(patronId)).to.have.length(1);
          },
        );
      });

      it('refuses a blocked account, saying why', async () => {
        const patron = world.patrons.blocked;
        const patronId = await signIn(patron);
        await whenSupported(
          system,
          'placeHold',
          () => system.placeHold(patronId, holdable()),
          async () => {
            const error = await rejection(system.placeHold(patronId, holdable()));
            expect(error).to.be.instanceOf(PatronBlockedError);
            expect((error as LibrarySystemError).code).to.equal('patron-blocked');
            expect((error as PatronBlockedError).reasons).to.deep.equal(
              patron.blocks.map((b) => b.description),
            );
            expect(await system.listHolds(patronId)).to.deep.equal([]);
          },
        );
      });

      it('refuses past the hold limit, saying the limit', async () => {
        const patron = world.patrons.atHoldLimit;
        const patronId = await signIn(patron);
        expect(await system.listHolds(patronId)).to.have.length(patron.holdLimit);
        await whenSupported(
          system,
          'placeHold',
          () => system.placeHold(patronId, holdable()),
          async () => {
            const error = await rejection(system.placeHold(patronId, holdable()));
            expect(error).to.be.instanceOf(HoldLimitReachedError);
            expect((error as LibrarySystemError).code).to.equal('hold-limit-reached');
            expect((error as HoldLimitReachedError).limit).to.equal(patron.holdLimit);
          },
        );
      });

      it('refuses records that cannot be held, saying why', async () => {
        const patronId = await signIn(world.patrons.noHolds);
        await whenSupported(
          system,
          'placeHold',
          () => system.placeHold(patronId, holdable()),
          async () => {
            const reasons: string[] = [];
            for (const { recordId } of world.records.notHoldable) {
              const error = await rejection(
                system.placeHold(patronId, { recordId, pickupBranchId: world.pickupLocations[0] }),
              );
              expect(error, recordId).to.be.instanceOf(NotHoldableError);
              expect((error as LibrarySystemError).code).to.equal('not-holdable');
              reasons.push((error as NotHoldableError).reason);
            }
            expect(reasons).to.deep.equal(world.records.notHoldable.map((r) => r.reason));
            expect(reasons).to.include('unknown-record');
          },
        );
      });

      it('refuses a pickup location that is not one', async () => {
        const patronId = await signIn(world.patrons.noHolds);
        await whenSupported(
          system,
          'placeHold',
          () => system.placeHold(patronId, holdable()),
          async () => {
            for (const pickupBranchId of world.notPickupLocations) {
              const error = await rejection(system.placeHold(patronId, { ...holdable(), pickupBranchId }));
              expect(error, pickupBranchId).to.be.instanceOf(PickupNotAllowedError);
              expect((error as LibrarySystemError).code).to.equal('pickup-not-allowed');
              expect((error as PickupNotAllowedError).branchId).to.equal(pickupBranchId);
            }
            expect(await system.listHolds(patronId)).to.deep.equal([]);
          },
        );
      });
    });

    describe('cancelHold', () => {
      it('cancels one hold and keeps the others', async () => {
        const patronId = await signIn(world.patrons.withHolds);
        const [first, ...rest] = await system.listHolds(patronId);
        await whenSupported(
          system,
          'cancelHold',
          () => system.cancelHold(patronId, first.holdId),
          async () => {
            await system.cancelHold(patronId, first.holdId);
            expect((await system.listHolds(patronId)).map((h) => h.title)).to.deep.equal(
              rest.map((h) => h.title),
            );
          },
        );
      });

      it("never cancels another patron's hold, and says only that there is no such hold", async () => {
        const holder = await signIn(world.patrons.withHolds);
        const other = await signIn(world.patrons.noHolds);
        const [first] = await system.listHolds(holder);
        await whenSupported(
          system,
          'cancelHold',
          () => system.cancelHold(holder, first.holdId),
          async () => {
            const error = await rejection(system.cancelHold(other, first.holdId));
            expect(error).to.be.instanceOf(HoldNotFoundError);
            expect((error as LibrarySystemError).code).to.equal('hold-not-found');
            expect(await system.listHolds(holder)).to.have.length(world.patrons.withHolds.holds.length);
            await system.cancelHold(holder, first.holdId);
            expect(await rejection(system.cancelHold(holder, first.holdId))).to.be.instanceOf(
              HoldNotFoundError,
            );
          },
        );
      });
    });

    describe('changePickup', () => {
      it('moves a waiting or in-transit hold to another pickup branch', async () => {
        const patronId = await signIn(world.patrons.withHolds);
        const holds = await system.listHolds(patronId);
        for (const state of ['waiting', 'in-transit'] as const) {
          const hold = firstWith(holds, state);
          const target = world.pickupLocations.find((id) => id !== hold.pickupBranchId) as string;
          const change = () => system.changePickup(patronId, hold.holdId, target);
          await whenSupported(system, 'changePickup', change, async () => {
            const changed = await change();
            expect(changed).to.include({ holdId: hold.holdId, title: hold.title, pickupBranchId: target });
            // Only the branch changes: the place in line or the trip under way stays.
            expect(changed.status).to.deep.equal(hold.status);
            expect(byTitle(await system.listHolds(patronId), hold.title).pickupBranchId).to.equal(target);
          });
        }
      });

      it('keeps a ready hold where it is, and refuses a non-pickup location and other patrons', async () => {
        const patronId = await signIn(world.patrons.withHolds);
        const other = await signIn(world.patrons.noHolds);
        const holds = await system.listHolds(patronId);
        const ready = firstWith(holds, 'ready');
        const waiting = firstWith(holds, 'waiting');
        const elsewhere = world.pickupLocations.find((id) => id !== ready.pickupBranchId) as string;
        const change = () => system.changePickup(patronId, ready.holdId, elsewhere);
        await whenSupported(system, 'changePickup', change, async () => {
          const notChangeable = await rejection(change());
          expect(notChangeable).to.be.instanceOf(HoldNotChangeableError);
          expect((notChangeable as LibrarySystemError).code).to.equal('hold-not-changeable');
          for (const place of world.notPickupLocations) {
            const error = await rejection(system.changePickup(patronId, waiting.holdId, place));
            expect(error, place).to.be.instanceOf(PickupNotAllowedError);
          }
          const notFound = await rejection(system.changePickup(other, waiting.holdId, elsewhere));
          expect(notFound).to.be.instanceOf(HoldNotFoundError);
        });
        const after = await system.listHolds(patronId);
        expect(byTitle(after, waiting.title).pickupBranchId).to.equal(waiting.pickupBranchId);
        expect(byTitle(after, ready.title).pickupBranchId).to.equal(ready.pickupBranchId);
      });
    });

    describe('features', () => {
      it('declares every capability as true or false', () => {
        const names = [
          'placeHold',
          'cancelHold',
          'changePickup',
          'suspendHold',
          'checkouts',
          'renew',
          'fines',
          'catalogSearch',
        ];
        expect(Object.keys(system.features).sort()).to.deep.equal([...names].sort());
        for (const name of names)
          expect(system.features[name as keyof LibrarySystemFeatures]).to.be.a('boolean');
      });
    });

    describe('suspendHold and resumeHold', () => {
      it('pauses a waiting hold, keeping its place, and starts it again', async () => {
        const patronId = await signIn(world.patrons.withHolds);
        const waiting = firstWith(await system.listHolds(patronId), 'waiting');
        const suspend = () => system.suspendHold(patronId, waiting.holdId, '2099-01-31');
        await whenSupported(system, 'suspendHold', suspend, async () => {
          const paused = await suspend();
          expect(paused).to.include({ holdId: waiting.holdId, title: waiting.title });
          expect(paused.suspended).to.deep.equal({ until: '2099-01-31' });
          expect(paused.status).to.deep.equal(waiting.status);
          expect(byTitle(await system.listHolds(patronId), waiting.title).suspended).to.deep.equal({
            until: '2099-01-31',
          });
          const resumed = await system.resumeHold(patronId, waiting.holdId);
          expect(resumed.suspended).to.equal(undefined);
          expect(byTitle(await system.listHolds(patronId), waiting.title).suspended).to.equal(undefined);
          const indefinitely = await system.suspendHold(patronId, waiting.holdId);
          expect(indefinitely.suspended).to.deep.equal({});
        });
      });

      it('refuses to pause a hold on the shelf, and other patrons’ holds', async () => {
        const patronId = await signIn(world.patrons.withHolds);
        const other = await signIn(world.patrons.noHolds);
        const holds = await system.listHolds(patronId);
        const ready = firstWith(holds, 'ready');
        const suspend = () => system.suspendHold(patronId, ready.holdId);
        await whenSupported(system, 'suspendHold', suspend, async () => {
          const error = await rejection(suspend());
          expect(error).to.be.instanceOf(HoldNotChangeableError);
          expect((error as HoldNotChangeableError).change).to.equal('suspend');
          const waiting = firstWith(holds, 'waiting');
          expect(await rejection(system.suspendHold(other, waiting.holdId))).to.be.instanceOf(
            HoldNotFoundError,
          );
          expect(await rejection(system.resumeHold(other, waiting.holdId))).to.be.instanceOf(
            HoldNotFoundError,
          );
          expect(byTitle(await system.listHolds(patronId), ready.title).suspended).to.equal(undefined);
        });
      });
    });

    describe('listCheckouts', () => {
      it('lists checked-out items soonest due first, with due dates, overdue and renewability', async () => {
        for (const patron of [world.patrons.borrower, world.patrons.blocked]) {
          const patronId = await signIn(patron);
          await whenSupported(
            system,
            'checkouts',
            () => system.listCheckouts(patronId),
            async () => {
              const checkouts = await system.listCheckouts(patronId);
              expect(
                checkouts.map((c) => ({
                  title: c.title,
                  dueDate: c.dueDate,
                  overdue: c.overdue,
                  renewal: c.renewal,
                })),
                patron.name,
              ).to.deep.equal(patron.checkouts.map(({ renewOutcome: _outcome, ...rest }) => rest));
              for (const checkout of checkouts) expect(checkout.itemId).to.be.a('string').and.not.equal('');
            },
          );
        }
        const none = await signIn(world.patrons.noHolds);
        if (system.features.checkouts) expect(await system.listCheckouts(none)).to.deep.equal([]);
      });
    });

    describe('renew', () => {
      const expectOutcome = (result: RenewResult, expected: ExpectedCheckout) => {
        expect(result.title).to.equal(expected.title);
        if (expected.renewOutcome === 'renewed') {
          expect(result.outcome, expected.title).to.deep.equal({
            renewed: true,
            dueDate: world.renewedDueDate,
          });
        } else {
          expect(result.outcome.renewed, expected.title).to.equal(false);
          if (!result.outcome.renewed)
            expect(result.outcome.reason, expected.title).to.equal(expected.renewOutcome);
        }
      };

      it('renews an item or says why not, one item at a time', async () => {
        for (const patron of [world.patrons.borrower, world.patrons.blocked]) {
          const patronId = await signIn(patron);
          const before = system.features.checkouts ? await system.listCheckouts(patronId) : [];
          const first = () => system.renew(patronId, before[0]?.itemId ?? 'none');
          await whenSupported(system, 'renew', first, async () => {
            for (const [i, checkout] of before.entries()) {
              const result = await system.renew(patronId, checkout.itemId);
              expect(result.itemId).to.equal(checkout.itemId);
              expectOutcome(result, patron.checkouts[i]);
            }
            const after = await system.listCheckouts(patronId);
            for (const expected of patron.checkouts) {
              const item = after.find((c) => c.title === expected.title);
              const renewed = expected.renewOutcome === 'renewed';
              expect(item?.dueDate, expected.title).to.equal(
                renewed ? world.renewedDueDate : expected.dueDate,
              );
              if (renewed) expect(item?.overdue).to.equal(false);
            }
          });
        }
      });

      it("refuses another patron's item and an unknown item as not checked out", async () => {
        const borrower = await signIn(world.patrons.borrower);
        const other = await signIn(world.patrons.noHolds);
        const items = system.features.checkouts ? await system.listCheckouts(borrower) : [];
        const attempt = () => system.renew(other, items[0]?.itemId ?? 'none');
        await whenSupported(system, 'renew', attempt, async () => {
          const error = await rejection(attempt());
          expect(error).to.be.instanceOf(CheckoutNotFoundError);
          expect((error as LibrarySystemError).code).to.equal('checkout-not-found');
          expect(await rejection(system.renew(borrower, 'no-such-item-0'))).to.be.instanceOf(
            CheckoutNotFoundError,
          );
          expect((await system.listCheckouts(borrower)).map((c) => c.dueDate)).to.deep.equal(
            items.map((c) => c.dueDate),
          );
        });
      });

      it('renewAll gives one result per item, in list order', async () => {
        const patron = world.patrons.borrower;
        const patronId = await signIn(patron);
        await whenSupported(
          system,
          'renew',
          () => system.renewAll(patronId),
          async () => {
            const items = await system.listCheckouts(patronId);
            const results = await system.renewAll(patronId);
            expect(results.map((r) => r.itemId)).to.deep.equal(items.map((c) => c.itemId));
            results.forEach((result, i) => expectOutcome(result, patron.checkouts[i]));
            expect(await system.renewAll(await signIn(world.patrons.noHolds))).to.deep.equal([]);
          },
        );
      });
    });

    describe('getFines', () => {
      it('gives the total and the lines behind it', async () => {
        for (const patron of [world.patrons.borrower, world.patrons.blocked]) {
          const patronId = await signIn(patron);
          await whenSupported(
            system,
            'fines',
            () => system.getFines(patronId),
            async () => {
              const fines = await system.getFines(patronId);
              expect(fines.totalCents, patron.name).to.equal(patron.fines.totalCents);
              expect(fines.currency).to.match(/^[A-Z]{3}$/);
              expect(
                fines.lines.map((l) => ({
                  kind: l.kind,
                  description: l.description,
                  title: l.title,
                  amountCents: l.amountCents,
                })),
              ).to.deep.equal(patron.fines.lines);
              if (fines.lines.length > 0) {
                expect(fines.lines.reduce((sum, l) => sum + l.amountCents, 0)).to.equal(fines.totalCents);
              }
            },
          );
        }
        if (system.features.fines) {
          const none = await system.getFines(await signIn(world.patrons.noHolds));
          expect(none).to.include({ totalCents: 0 });
          expect(none.lines).to.deep.equal([]);
        }
      });
    });

    describe('checkReachable', () => {
      it('answers while the system is up and fails with the unavailable error once it is down', async () => {
        await system.checkReachable();
        await world.takeDown();
        const error = await rejection(system.checkReachable());
        expect(error).to.be.instanceOf(LibrarySystemUnavailableError);
        expect((error as LibrarySystemError).code).to.equal('unavailable');
      });
    });
  });
}

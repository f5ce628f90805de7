import { expect } from 'chai';
import sinon from 'sinon';
import {
  AlreadyOnHoldError,
  LibrarySystemUnavailableError,
  PatronNotVerifiedError,
} from '../../library/librarySystem/errors';
import { injectFaults, type FaultInjectingLibrarySystem } from './faultInjection';
import { guardLibrarySystem } from '../../library/librarySystem/guardedLibrarySystem';
import type { LibrarySystem } from '../../library/librarySystem/librarySystem';
import { openDemoFixture, openDemoWorld, rejection, type DemoFixture } from './demoFixture';
import { librarySystemContract } from './librarySystemContract';

librarySystemContract('guarded demo library system', () =>
  openDemoWorld((system) => guardLibrarySystem(system, { timeoutMs: 5000 })),
);

describe('guarded library system (timeouts and outages)', () => {
  let fixture: DemoFixture;
  let faulty: FaultInjectingLibrarySystem;
  let guarded: LibrarySystem;
  let failures: { operation: string; error: unknown }[];

  beforeEach(async () => {
    fixture = await openDemoFixture();
    faulty = injectFaults(fixture.system);
    failures = [];
    guarded = guardLibrarySystem(faulty, {
      timeoutMs: 5000,
      onFailure: (operation, error) => failures.push({ operation, error }),
    });
  });
  afterEach(() => {
    sinon.restore();
    fixture.cleanup();
  });

  it('passes answers and expected refusals through unchanged', async () => {
    const profile = await guarded.verifyPatron('21000000000001', '2468');
    expect(profile.name).to.equal('Jordan Ellis');
    expect(await rejection(guarded.verifyPatron('21000000000001', '0000'))).to.be.instanceOf(
      PatronNotVerifiedError,
    );
    const [hold] = await guarded.listHolds(profile.patronId);
    const error = await rejection(
      guarded.placeHold(profile.patronId, { recordId: hold.recordId, pickupBranchId: 'main' }),
    );
    expect(error).to.be.instanceOf(AlreadyOnHoldError);
    expect(failures).to.deep.equal([]);
  });

  it('turns an outage into the unavailable error without the driver message', async () => {
    faulty.setFault('down');
    const error = await rejection(guarded.searchCatalog({ keywords: 'dune' }));
    expect(error).to.be.instanceOf(LibrarySystemUnavailableError);
    expect((error as LibrarySystemUnavailableError).reason).to.equal('outage');
    expect(error.message).to.not.include('ECONNREFUSED');
    expect(failures.map((f) => f.operation)).to.deep.equal(['searchCatalog']);
    expect(String(failures[0].error)).to.include('ECONNREFUSED');
    expect(await rejection(guarded.checkReachable())).to.be.instanceOf(LibrarySystemUnavailableError);
  });

  it('gives up after config.librarySystem.timeoutMs when the system hangs', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    faulty.setFault('hang', ['listHolds']);
    const pending = rejection(guarded.listHolds('P00001'));
    await clock.tickAsync(4999);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).to.equal(false);
    await clock.tickAsync(1);
    const error = await pending;
    expect(error).to.be.instanceOf(LibrarySystemUnavailableError);
    expect((error as LibrarySystemUnavailableError).reason).to.equal('timeout');
    clock.restore();
    // Other operations still work while listHolds hangs.
    expect((await guarded.listPickupLocations()).length).to.equal(4);
  });

  it('turns an unexpected exception (a bug or a closed database) into the unavailable error', async () => {
    fixture.system.close();
    const error = await rejection(guarded.listHolds('P00001'));
    expect(error).to.be.instanceOf(LibrarySystemUnavailableError);
    expect(failures).to.have.length(1);
  });
});

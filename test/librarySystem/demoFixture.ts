// A seeded demo library system in a temp folder (a copy of the suite's seeded template).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DemoLibrarySystem,
  openDemoLibrarySystem,
  type DemoBranch,
} from '../../library/librarySystem/demo/demoLibrarySystem';
import { demoBranches as demoBranchList, seededDataDir, testPinHashCost } from '../support/demoLibrary';

export const demoBranches: DemoBranch[] = demoBranchList();

/** The demo's "now": a Tuesday afternoon in Riverbend. */
export const seedTime = new Date('2026-03-10T20:00:00Z');

export { testPinHashCost };

export interface DemoFixture {
  system: DemoLibrarySystem;
  dataDir: string;
  clock: { now: Date };
  /** Opens the same database again (a restart). */
  reopen(): Promise<DemoLibrarySystem>;
  cleanup(): void;
}

export async function openDemoFixture(): Promise<DemoFixture> {
  const dataDir = seededDataDir(seedTime, mkdtempSync(join(tmpdir(), 'holds-')));
  const clock = { now: new Date(seedTime) };
  const open = () =>
    openDemoLibrarySystem({
      dataDir,
      branches: demoBranches,
      timeZone: 'America/Chicago',
      now: () => clock.now,
      // The same low cost as the template, for PINs registered in a test and the unknown-card decoy.
      pinHashCost: testPinHashCost,
    });
  const fixture: DemoFixture = {
    system: await open(),
    dataDir,
    clock,
    reopen: async () => {
      fixture.system.close();
      fixture.system = await open();
      return fixture.system;
    },
    cleanup: () => {
      fixture.system.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
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

// A seeded demo library system in a temp folder. Seeding hashes PINs with scrypt, so the suite seeds
// one template database and copies its file for each test.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DemoLibrarySystem,
  openDemoLibrarySystem,
  type DemoBranch,
} from '../../library/librarySystem/demo/demoLibrarySystem';

export const demoBranches: DemoBranch[] = [
  { id: 'main', name: 'Main Library' },
  { id: 'eastside', name: 'Eastside Branch' },
  { id: 'riverside', name: 'Riverside Branch' },
  { id: 'oak-hill', name: 'Oak Hill Branch' },
  { id: 'bookmobile', name: 'Bookmobile', kind: 'bookmobile' },
];

/** The demo's "now": a Tuesday afternoon in Riverbend. */
export const seedTime = new Date('2026-03-10T20:00:00Z');

export const testPinHashCost = 1024;

let templateDir: string | undefined;
const fileName = 'demo-library-system.sqlite';

async function template(): Promise<string> {
  if (templateDir) return templateDir;
  const dir = mkdtempSync(join(tmpdir(), 'holds-template-'));
  const system = openDemoLibrarySystem({
    dataDir: dir,
    branches: demoBranches,
    timeZone: 'America/Chicago',
    now: () => seedTime,
    // A low scrypt cost keeps the suite fast; the default cost is tested on its own.
    pinHashCost: testPinHashCost,
  });
  system.close();
  templateDir = dir;
  // One template per test process; removed when the process ends.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface DemoFixture {
  system: DemoLibrarySystem;
  dataDir: string;
  clock: { now: Date };
  /** Opens the same database again (a restart). */
  reopen(): Promise<DemoLibrarySystem>;
  cleanup(): void;
}

export async function openDemoFixture(): Promise<DemoFixture> {
  const source = await template();
  const dataDir = mkdtempSync(join(tmpdir(), 'holds-'));
  copyFileSync(join(source, fileName), join(dataDir, fileName));
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

// A seeded demo library system in a temp folder (a copy of the suite's seeded template).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DemoLibrarySystem,
  demoPatrons,
  openDemoLibrarySystem,
  type DemoBranch,
} from '../../library/librarySystem/demo/demoLibrarySystem';
import type { CatalogFormat, LibrarySystem } from '../../library/librarySystem/librarySystem';
import { demoBranches as demoBranchList, seededDataDir, testPinHashCost } from '../support/demoLibrary';
import type { LibrarySystemWorld } from './librarySystemContract';

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

export { rejection } from './librarySystemContract';

/** The demo system as a contract-suite world: the documented demo patrons and catalog. */
export async function openDemoWorld(
  wrap: (system: LibrarySystem) => LibrarySystem = (system) => system,
): Promise<LibrarySystemWorld> {
  const fixture = await openDemoFixture();
  const record = async (title: string, format: CatalogFormat) => {
    const [found] = await fixture.system.searchCatalog({ title, format, limit: 1 });
    if (found?.title !== title) throw new Error(`the demo catalog lacks ${title} (${format})`);
    return found.recordId;
  };
  const patron = (index: number, homeBranchId: string) => ({
    card: demoPatrons[index].card,
    pin: demoPatrons[index].pin,
    name: demoPatrons[index].name,
    homeBranchId,
  });
  return {
    system: wrap(fixture.system),
    patrons: {
      withHolds: {
        ...patron(0, 'main'),
        holds: [
          {
            title: 'The Midnight Library',
            pickupBranchId: 'eastside',
            status: { state: 'ready', pickUpBy: '2026-03-15' },
          },
          {
            title: 'Project Hail Mary',
            pickupBranchId: 'main',
            status: { state: 'waiting', queuePosition: 3, queueLength: 3 },
          },
          { title: 'Lessons in Chemistry', pickupBranchId: 'main', status: { state: 'in-transit' } },
        ],
      },
      noHolds: patron(1, 'eastside'),
      blocked: {
        ...patron(2, 'riverside'),
        blocks: [{ kind: 'fines', description: '$42.50 in unpaid fines' }],
        checkouts: [
          {
            title: 'Where the Crawdads Sing',
            dueDate: '2026-01-29',
            overdue: true,
            renewal: { state: 'not-renewable', reason: 'patron-blocked' },
            renewOutcome: 'patron-blocked',
          },
        ],
        fines: {
          totalCents: 4250,
          lines: [
            { kind: 'lost', description: 'Lost item replacement', title: 'The Hobbit', amountCents: 2500 },
            {
              kind: 'processing',
              description: 'Lost item processing fee',
              title: 'The Hobbit',
              amountCents: 500,
            },
            {
              kind: 'overdue',
              description: 'Overdue fine',
              title: 'Where the Crawdads Sing',
              amountCents: 1250,
            },
          ],
        },
      },
      atHoldLimit: { ...patron(3, 'oak-hill'), holdLimit: 2 },
      borrower: {
        ...patron(4, 'riverside'),
        checkouts: [
          {
            title: 'The Thursday Murder Club',
            dueDate: '2026-03-06',
            overdue: true,
            renewal: { state: 'renewable', renewalsLeft: 3 },
            renewOutcome: 'renewed',
          },
          {
            title: 'Dune',
            dueDate: '2026-03-12',
            overdue: false,
            renewal: { state: 'not-renewable', reason: 'renewal-limit' },
            renewOutcome: 'renewal-limit',
          },
          {
            title: 'Project Hail Mary',
            dueDate: '2026-03-15',
            overdue: false,
            renewal: { state: 'not-renewable', reason: 'on-hold-for-others' },
            renewOutcome: 'on-hold-for-others',
          },
          {
            title: 'Atomic Habits',
            dueDate: '2026-03-19',
            overdue: false,
            renewal: { state: 'renewable', renewalsLeft: 2 },
            renewOutcome: 'renewed',
          },
        ],
        fines: {
          totalCents: 300,
          lines: [
            { kind: 'card', description: 'Replacement library card', title: '', amountCents: 200 },
            {
              kind: 'overdue',
              description: 'Overdue fine',
              title: 'The Thursday Murder Club',
              amountCents: 100,
            },
          ],
        },
      },
    },
    renewedDueDate: '2026-03-31',
    unknownCard: '21999999999999',
    records: {
      holdable: { recordId: await record('Circe', 'book'), title: 'Circe' },
      notHoldable: [
        { recordId: await record('Project Hail Mary', 'ebook'), reason: 'digital' },
        { recordId: await record('Riverbend County Atlas', 'book'), reason: 'library-use-only' },
        { recordId: 'R0', reason: 'unknown-record' },
      ],
    },
    searches: [
      { query: { title: 'The Midnight Library' }, title: 'The Midnight Library', author: 'Matt Haig' },
      { query: { author: 'Andy Weir' }, title: 'Project Hail Mary', author: 'Andy Weir' },
      { query: { keywords: 'animation', format: 'dvd' }, title: 'Spirited Away', author: 'Hayao Miyazaki' },
    ],
    pickupLocations: ['main', 'eastside', 'riverside', 'oak-hill'],
    notPickupLocations: ['bookmobile', 'nowhere'],
    takeDown: async () => fixture.system.close(),
    cleanup: async () => fixture.cleanup(),
  };
}

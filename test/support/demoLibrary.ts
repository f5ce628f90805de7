// The demo library for tests: its configuration, its trained recognizer (trained once per run), and
// its library system seeded once per seeding day into a template database whose file each test
// copies. Seeding hashes the demo PINs with scrypt; the template uses a low cost so the suite stays
// fast (the production cost is tested on its own).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLibraryConfig, type LoadedLibraryConfig } from '../../config/libraryConfig';
import {
  DEMO_LIBRARY_SYSTEM_FILE,
  openDemoLibrarySystem,
  type DemoBranch,
} from '../../library/librarySystem/demo/demoLibrarySystem';
import type { PatronMessageRecognizer } from '../../recognizers/libraryRecognition';
import { createLibraryRecognizer } from '../../recognizers/libraryRecognizer';

export const DEMO_CONFIG_PATH = join(__dirname, '..', '..', '..', 'config', 'demo-library.yaml');

export function loadDemoLibrary(): LoadedLibraryConfig {
  return loadLibraryConfig(DEMO_CONFIG_PATH);
}

let demoRecognizer: PatronMessageRecognizer | undefined;

/**
 * Where tests keep the demo library's trained model (recognizers/modelCache.ts): each mocha worker and
 * each run after the first reads it instead of training again. Keyed by what decides the model, so a
 * changed corpus or recognizer is trained afresh; a cached model answers exactly as a trained one.
 */
export const TEST_MODEL_CACHE = join(tmpdir(), 'library-bot-test-models');

/** The demo library's trained recognizer, trained once for the whole test run (training is deterministic). */
export function demoLibraryRecognizer(): PatronMessageRecognizer {
  demoRecognizer ??= createLibraryRecognizer(loadDemoLibrary().config, {
    modelCacheDirectory: TEST_MODEL_CACHE,
  });
  return demoRecognizer;
}

export function temporaryDirectory(prefix = 'library-bot-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const testPinHashCost = 1024;

const templates = new Map<string, string>();

/** The folder of a demo library system seeded as on `seedTime` (created once per day and run). */
export function demoLibraryTemplate(seedTime: Date, branches = demoBranches()): string {
  const key = `${seedTime.toISOString().slice(0, 10)}|${branches.map((b) => b.id).join(',')}`;
  const known = templates.get(key);
  if (known) return known;
  const dir = temporaryDirectory('demo-library-template-');
  openDemoLibrarySystem({
    dataDir: dir,
    branches,
    timeZone: 'America/Chicago',
    now: () => seedTime,
    pinHashCost: testPinHashCost,
  }).close();
  templates.set(key, dir);
  // One template per test process; removed when the process ends.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new data folder holding a copy of the seeded demo library system (the bot opens it as already seeded). */
export function seededDataDir(seedTime = new Date(), into = temporaryDirectory()): string {
  copyFileSync(
    join(demoLibraryTemplate(seedTime), DEMO_LIBRARY_SYSTEM_FILE),
    join(into, DEMO_LIBRARY_SYSTEM_FILE),
  );
  return into;
}

/** The demo configuration's branches, as the demo library system knows them. */
export function demoBranches(): DemoBranch[] {
  return loadDemoLibrary().config.branches.map((b) => ({ id: b.id, name: b.name, kind: b.kind }));
}

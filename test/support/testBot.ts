// Starts the real bot (restify, CloudAdapter, built-in Direct Line, SQLite state) on a free
// loopback port with a seeded temporary data folder, built as botHarness.ts builds every test bot.
import { rmSync } from 'node:fs';
import type { RuntimeSettings } from '../../config/runtimeSettings';
import { createLibraryBotApp, type LibraryBotApp } from '../../server/libraryBotApp';
import { type BotHarnessOptions, harnessParts } from './botHarness';

export { DEMO_CONFIG_PATH, demoLibraryRecognizer, loadDemoLibrary, temporaryDirectory } from './demoLibrary';

export interface TestBot {
  app: LibraryBotApp;
  url: string;
  dataDir: string;
  settings: RuntimeSettings;
  /** Every log line written so far (JSON text). */
  logText(): string;
  /** Stops the server; keeps the data folder when `keepData` (to restart on the same files). */
  stop(keepData?: boolean): Promise<void>;
}

export type TestBotOptions = BotHarnessOptions;

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const parts = harnessParts(options);
  const app = createLibraryBotApp(parts.botOptions);
  const { url } = await app.listen();
  return {
    app,
    url,
    dataDir: parts.dataDir,
    settings: parts.settings,
    logText: () => parts.logLines.join(''),
    stop: async (keepData = false) => {
      await app.close();
      if (!keepData) rmSync(parts.dataDir, { recursive: true, force: true });
    },
  };
}

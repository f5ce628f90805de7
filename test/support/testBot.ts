// Starts the real bot (restify, CloudAdapter, built-in Direct Line, SQLite state) on a free
// loopback port with a temporary data folder, and captures its log lines for privacy checks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadLibraryConfig, LoadedLibraryConfig } from '../../config/libraryConfig';
import { readRuntimeSettings, RuntimeSettings } from '../../config/runtimeSettings';
import { createLogger } from '../../observability/logger';
import type { PatronMessageRecognizer } from '../../recognizers/libraryRecognition';
import { createLibraryRecognizer } from '../../recognizers/libraryRecognizer';
import { createLibraryBotApp, LibraryBotApp, LibraryBotAppOptions } from '../../server/libraryBotApp';

export const DEMO_CONFIG_PATH = join(__dirname, '..', '..', '..', 'config', 'demo-library.yaml');

export function loadDemoLibrary(): LoadedLibraryConfig {
  return loadLibraryConfig(DEMO_CONFIG_PATH);
}

let demoRecognizer: PatronMessageRecognizer | undefined;

/** The demo library's trained recognizer, trained once for the whole test run (training is deterministic). */
export function demoLibraryRecognizer(): PatronMessageRecognizer {
  demoRecognizer ??= createLibraryRecognizer(loadDemoLibrary().config);
  return demoRecognizer;
}

export function temporaryDirectory(prefix = 'library-bot-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

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

export interface TestBotOptions extends Partial<Omit<LibraryBotAppOptions, 'settings' | 'logger'>> {
  env?: Record<string, string>;
  dataDir?: string;
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const dataDir = options.dataDir ?? temporaryDirectory();
  const settings = readRuntimeSettings({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'debug', ...options.env });
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = createLogger({ level: settings.logLevel, format: 'json', destination });
  const app = createLibraryBotApp({
    ...options,
    settings,
    library: options.library ?? loadDemoLibrary(),
    recognizer: options.recognizer ?? (options.library ? undefined : demoLibraryRecognizer()),
    logger,
  });
  const { url } = await app.listen();
  return {
    app,
    url,
    dataDir,
    settings,
    logText: () => lines.join(''),
    stop: async (keepData = false) => {
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Runs this bot in its own process for bench/load.ts, so its CPU and memory are its own:
//   node dist/bench/support/serveBot.js library
// Prints one line `READY <url>` on stdout, then serves until SIGTERM. The library bot runs in local
// mode on a temporary data folder, with logging off, exactly as createLibraryBotApp builds it.
// Another state provider (the Azure storage benchmark) writes its own script with `startLibraryBot`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage } from 'botbuilder';
import { loadLibraryConfig } from '../../config/libraryConfig';
import { readRuntimeSettings } from '../../config/runtimeSettings';
import { createLogger } from '../../observability/logger';
import { createLibraryBotApp } from '../../server/libraryBotApp';
import type { RunningBot } from './echoBot';
import { serveUntilStopped } from './serving';

export const DEMO_CONFIG = join(__dirname, '..', '..', '..', 'config', 'demo-library.yaml');

/**
 * This bot on a free port; `storage` replaces SQLite in the data folder (e.g. Azure blobs); `dataDir`
 * a data folder shared with other instances (kept), a temporary one otherwise.
 */
export async function startLibraryBot(
  options: { storage?: Storage & { close?: () => void }; dataDir?: string } = {},
): Promise<RunningBot> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bench-load-'));
  const settings = readRuntimeSettings({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const app = createLibraryBotApp({
    settings,
    library: loadLibraryConfig(DEMO_CONFIG),
    logger: createLogger({ level: 'silent', format: 'json' }),
    storage: options.storage,
    // The load itself comes from one address: the token limits are for visitors, not for this.
    tokenRateLimits: {
      perClient: { burst: 10000, perSecond: 1000 },
      overall: { burst: 10000, perSecond: 1000 },
    },
  });
  const { url } = await app.listen();
  return {
    url,
    close: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  if (process.argv[2] !== 'library')
    throw new Error('usage: serveBot.js library (the echo bot: serveEchoBot.js)');
  serveUntilStopped(await startLibraryBot());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

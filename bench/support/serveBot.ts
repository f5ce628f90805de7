// Runs one bot in its own process for bench/load.ts, so its CPU and memory are its own:
//   node dist/bench/support/serveBot.js echo|library
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
import { startEchoBot, type RunningBot } from './echoBot';

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
  const kind = process.argv[2];
  const bot =
    kind === 'echo' ? await startEchoBot() : kind === 'library' ? await startLibraryBot() : undefined;
  if (!bot) throw new Error('usage: serveBot.js echo|library');
  process.stdout.write(`READY ${bot.url}\n`);
  // `kill -USR2 <pid>`: where the memory is (for the RSS figures).
  process.on('SIGUSR2', () => {
    const memory = process.memoryUsage();
    const mb = (bytes: number) => Math.round(bytes / 1048576);
    process.stderr.write(
      `MEMORY rss ${mb(memory.rss)} heapUsed ${mb(memory.heapUsed)} heapTotal ${mb(memory.heapTotal)} ` +
        `external ${mb(memory.external)} arrayBuffers ${mb(memory.arrayBuffers)} MB\n`,
    );
  });
  const stop = async () => {
    await bot.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

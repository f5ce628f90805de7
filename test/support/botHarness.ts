// The one way tests build the bot: the production composition root (server/libraryBot.ts) with the
// demo library, a data folder holding a copy of the seeded demo library system, a real pino logger
// whose JSON lines are kept for privacy checks, and either TestAdapter conversations (this file) or
// the real HTTP server (testBot.ts). Only the injected parts differ: the recognizer, the clock, a
// library system with faults, the storage provider.
import {
  type Activity,
  type BotAdapter,
  MemoryStorage,
  MemoryTranscriptStore,
  TestAdapter,
  TranscriptLoggerMiddleware,
} from 'botbuilder';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { LoadedLibraryConfig } from '../../config/libraryConfig';
import { readRuntimeSettings, type RuntimeSettings } from '../../config/runtimeSettings';
import { sensitiveTurnKind } from '../../dialogs/turnState';
import { createLogger, type Logger } from '../../observability/logger';
import { type BotStorage, createLibraryBot, type LibraryBot } from '../../server/libraryBot';
import { DEMO_LIBRARY_SYSTEM_FILE } from '../../library/librarySystem/demo/demoLibrarySystem';
import type { LibraryBotAppOptions } from '../../server/libraryBotApp';
import { demoLibraryRecognizer, loadDemoLibrary, seededDataDir } from './demoLibrary';

/** A logger writing JSON lines at debug level into memory. */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { logger: createLogger({ level: 'debug', format: 'json', destination }), lines };
}

export interface BotHarnessOptions extends Partial<
  Omit<LibraryBotAppOptions, 'settings' | 'logger' | 'library' | 'storage'>
> {
  library?: LoadedLibraryConfig;
  /** The runtime environment (PORT, DATA_DIR and LOG_LEVEL are set for tests). */
  env?: Record<string, string>;
  /** A data folder to use (a restart on the same files); a new seeded one otherwise. */
  dataDir?: string;
  /** SQLite in the data folder (as in production), memory, or a provider the test holds. */
  storage?: 'sqlite' | 'memory' | BotStorage;
}

export interface HarnessParts {
  settings: RuntimeSettings;
  library: LoadedLibraryConfig;
  dataDir: string;
  logger: Logger;
  logLines: string[];
  botOptions: LibraryBotAppOptions;
}

/** Settings, data folder, logger and bot options as every harness builds them. */
export function harnessParts(options: BotHarnessOptions = {}): HarnessParts {
  const library = options.library ?? loadDemoLibrary();
  const seedTime = options.now?.() ?? new Date();
  const dataDir =
    options.dataDir && existsSync(join(options.dataDir, DEMO_LIBRARY_SYSTEM_FILE))
      ? options.dataDir
      : seededDataDir(seedTime, options.dataDir);
  const settings = readRuntimeSettings({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'debug', ...options.env });
  const { logger, lines } = captureLogger();
  const botOptions: LibraryBotAppOptions = {
    ...options,
    settings,
    library,
    logger,
    recognizer: options.recognizer ?? (options.library ? undefined : demoLibraryRecognizer()),
    storage:
      options.storage === 'memory'
        ? new MemoryStorage()
        : typeof options.storage === 'object'
          ? options.storage
          : undefined,
  };
  return { settings, library, dataDir, logger, logLines: lines, botOptions };
}

export interface Conversation {
  adapter: TestAdapter;
  /** Sends a message and returns what the bot sent back in that turn. */
  say(text: string): Promise<Partial<Activity>[]>;
}

export interface BotHarness extends HarnessParts {
  bot: LibraryBot;
  /** Every activity both ways, as a transcript store would keep them. */
  transcripts: MemoryTranscriptStore;
  /** The sensitive-input kind each turn carried, as seen after the capabilities' middleware. */
  sensitiveTurns: (string | undefined)[];
  logText(): string;
  /**
   * A patron conversation on its own TestAdapter, through the same middleware and bots. `userId` is
   * who types: the patron's channel id (a sign-in throttle key; an SMS patron's phone number).
   */
  conversation(id: string, channelId?: string, userId?: string): Conversation;
  /** Stops the capabilities, closes storage and removes the data folder unless `keepData`. */
  close(keepData?: boolean): Promise<void>;
}

export async function startBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const parts = harnessParts(options);
  // Proactive messages (the handoff relay) need a real connector: see test/handoff/harness.ts.
  const adapter: BotAdapter = new TestAdapter(async () => undefined);
  const bot = createLibraryBot(parts.botOptions, adapter);
  await bot.start();
  const transcripts = new MemoryTranscriptStore();
  const sensitiveTurns: (string | undefined)[] = [];
  return {
    ...parts,
    bot,
    transcripts,
    sensitiveTurns,
    logText: () => parts.logLines.join(''),
    conversation(id, channelId = 'webchat', userId?: string) {
      const adapter = new TestAdapter((context) => bot.runTurn(context), {
        channelId,
        conversation: { id, isGroup: false, conversationType: 'personal', name: id },
        // TestAdapter reads the sender from `from` (without it every conversation's patron is "user").
        ...(userId ? { from: { id: userId, name: 'Patron', role: 'user' } } : {}),
        bot: { id: 'bot', name: 'Library bot' },
      } as Partial<Activity>);
      bot.middleware.forEach((middleware) => adapter.use(middleware));
      adapter.use(new TranscriptLoggerMiddleware(transcripts));
      adapter.use(async (context, next) => {
        sensitiveTurns.push(sensitiveTurnKind(context));
        await next();
      });
      return {
        adapter,
        say: async (text: string) => {
          await adapter.receiveActivity(text);
          return adapter.activeQueue.splice(0);
        },
      };
    },
    close: async (keepData = false) => {
      await bot.stop();
      if (!keepData) rmSync(parts.dataDir, { recursive: true, force: true });
    },
  };
}

// Bot-state storage throughput and latency per provider: SQLite (a file in a temporary folder) and
// Azure Blob Storage on Azurite (started here, loopback), with MemoryStorage as the floor. Azurite is
// an emulator in one Node process: its figures bound what tests and local runs see, not Azure's.
// For each: reads, blind writes ('*', as BotState saves) and a turn's read-then-write with the eTag
// read, one at a time and with 8 at once. Prints operations per second, p50 and p99 in milliseconds,
// and this process's CPU time per operation (what the bot pays, whatever the machine's load).
// Usage: node dist/bench/storage.js [operations per measurement, default 400 for Blob Storage]
import { MemoryStorage, Storage } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '../recognizers/evaluation';
import { BlobStateStorage } from '../storage/blobStateStorage';
import { SqliteStorage } from '../storage/sqliteStorage';
import { startAzuriteBlob } from '../test/support/azurite';

/** About the size of a conversation's state in the middle of a holds dialog. */
const ITEM = {
  dialogState: {
    dialogStack: [
      { id: 'mainDialog', state: { options: {}, values: { instanceId: 'a1b2c3' }, stepIndex: 1 } },
      {
        id: 'placeHold',
        state: {
          values: { title: 'The Midnight Library', format: 'book', branch: 'eastside' },
          stepIndex: 3,
        },
      },
    ],
  },
  recentTurns: Array.from({ length: 8 }, (_, i) => ({
    from: i % 2 ? 'bot' : 'patron',
    text: 'x'.repeat(120),
  })),
};
const KEYS = 64;

type Operation = (storage: Storage, key: string) => Promise<void>;

const operations: Record<string, Operation> = {
  read: async (storage, key) => {
    await storage.read([key]);
  },
  'write *': async (storage, key) => {
    await storage.write({ [key]: { ...ITEM, eTag: '*' } });
  },
  'read+write eTag': async (storage, key) => {
    const current = (await storage.read([key]))[key];
    try {
      await storage.write({ [key]: { ...current, turn: ((current?.turn as number) ?? 0) + 1 } });
    } catch (error) {
      // Two workers on one key: the loser of a race is part of the measurement, not a failure.
      if (!/etag conflict/i.test(String(error))) throw error;
    }
  },
};

async function measure(storage: Storage, operation: Operation, count: number, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const worker = async () => {
    while (next < count) {
      const key = `bench/conversations/c${next++ % KEYS}/`;
      const t0 = process.hrtime.bigint();
      await operation(storage, key);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    perSecond: count / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    // This process only (the bot's side); Azurite's own CPU is not counted.
    cpuMsPerOperation: (cpu.user + cpu.system) / 1000 / count,
  };
}

async function benchProvider(name: string, storage: Storage, count: number): Promise<void> {
  await storage.write(
    Object.fromEntries(Array.from({ length: KEYS }, (_, i) => [`bench/conversations/c${i}/`, ITEM])),
  );
  for (const [label, operation] of Object.entries(operations)) {
    for (const concurrency of [1, 8]) {
      await measure(storage, operation, Math.min(50, count), concurrency); // warm-up
      const { perSecond, p50, p99, cpuMsPerOperation } = await measure(
        storage,
        operation,
        count,
        concurrency,
      );
      console.log(
        `${name.padEnd(20)} ${label.padEnd(16)} ${String(concurrency).padStart(2)} at once ` +
          `${perSecond.toFixed(0).padStart(7)}/s  p50 ${p50.toFixed(2).padStart(6)} ms  p99 ${p99.toFixed(2).padStart(7)} ms  ` +
          `CPU ${cpuMsPerOperation.toFixed(3)} ms/op`,
      );
    }
  }
}

async function main(): Promise<void> {
  const blobCount = Number(process.argv[2] ?? 400);
  console.log(`state item ${JSON.stringify(ITEM).length} bytes, ${KEYS} keys`);
  await benchProvider('MemoryStorage', new MemoryStorage(), blobCount * 10);

  const folder = mkdtempSync(join(tmpdir(), 'bench-storage-'));
  const sqlite = new SqliteStorage(join(folder, 'state.sqlite'));
  try {
    await benchProvider('SQLite', sqlite, blobCount * 10);
  } finally {
    sqlite.close();
    rmSync(folder, { recursive: true, force: true });
  }

  // Azurite keeps its blobs in a temporary folder (as the tests run it), or in memory only.
  for (const inMemory of [false, true]) {
    const azurite = await startAzuriteBlob({ inMemory });
    try {
      const blobs = new BlobStateStorage({ connectionString: azurite.connectionString, container: 'bench' });
      await benchProvider(inMemory ? 'Blob (Azurite, mem)' : 'Blob (Azurite, disk)', blobs, blobCount);
    } finally {
      await azurite.stop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

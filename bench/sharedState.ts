// Shared state: this bot on SQLite (one instance, the default) against Azure Blob Storage on Azurite
// (started here, loopback), one instance and two instances on one container, driven the same way:
//   node dist/bench/sharedState.js [--quick]
// 1. closed loop, 64 conversations, "when does the Eastside branch close today?": turns/s, p50/p95/p99;
// 2. open loop at 50 turns/s offered: p99 from when each turn was due;
// 3. closed loop of a mixed visit (hours, programs, FAQ, holds with sign-in);
// with two instances, each conversation's turns alternate between them (every turn reads what the
// other instance wrote). Azurite is an emulator in one Node process on the same machine: its figures
// bound what tests and local runs see, not what Azure Storage does. Each bot runs in its own process.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzuriteBlob } from '../test/support/azurite';
import { BotProcess, closedLoop, openLoop, ReplyConnector, type LatencySummary } from './support/loadDriver';
import { HOURS_QUESTION, hoursOnly, mixed } from './support/patronScripts';

interface Figures extends LatencySummary {
  turnsPerSecond: number;
  failed: number;
  lost: number;
}

function line(label: string, figures: Figures): string {
  const ms = (value: number) => value.toFixed(1);
  return (
    `  ${label.padEnd(34)} ${figures.turnsPerSecond.toFixed(0).padStart(4)} turns/s  ` +
    `p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}  p99 ${ms(figures.p99)} ms  ` +
    `failed ${figures.failed}  lost ${figures.lost}`
  );
}

interface Setup {
  label: string;
  bots: BotProcess[];
}

async function measure(setup: Setup, connector: ReplyConnector, durations: { closed: number; open: number }) {
  const run = setup.label.replace(/\W+/g, '-');
  const targets = (phase: string) =>
    setup.bots.map((bot) => ({ messagesUrl: `${bot.url}/api/messages`, connector, run: `${run}-${phase}` }));
  await closedLoop(targets('warm'), { conversations: 8, durationMs: 1000, script: hoursOnly });
  const closed = await closedLoop(targets('closed'), {
    conversations: 64,
    durationMs: durations.closed,
    script: hoursOnly,
  });
  // The open loop spreads the offered rate over the instances (as a load balancer would).
  const open = await Promise.all(
    targets('open').map((target) =>
      openLoop(target, {
        ratePerSecond: 50 / setup.bots.length,
        durationMs: durations.open,
        conversations: 64,
        script: hoursOnly,
      }),
    ),
  );
  const openFigures: Figures = {
    ...open.reduce((worst, r) => (r.p99 > worst.p99 ? r : worst)),
    turnsPerSecond: open.reduce((sum, r) => sum + r.turnsPerSecond, 0),
    failed: open.reduce((sum, r) => sum + r.failed, 0),
    lost: open.reduce((sum, r) => sum + r.lost, 0),
  };
  const visit = await closedLoop(targets('mixed'), {
    conversations: 64,
    durationMs: durations.closed,
    script: mixed,
  });
  return { closed, open: openFigures, visit };
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const durations = { closed: quick ? 4000 : 10000, open: quick ? 4000 : 8000 };
  const loadBefore = loadavg()[0];
  const connector = new ReplyConnector();
  await connector.start();
  const azurite = await startAzuriteBlob({ inMemory: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-shared-'));
  const stopAll: BotProcess[] = [];
  process.once('exit', () => stopAll.forEach((bot) => bot.child.kill('SIGTERM')));
  const blobsBot = async (container: string) => {
    const bot = await BotProcess.start(
      'library',
      [],
      ['serveBlobsBot.js', azurite.connectionString, container, dataDir],
    );
    stopAll.push(bot);
    return bot;
  };
  const results: [string, Awaited<ReturnType<typeof measure>>][] = [];
  try {
    const sqlite = await BotProcess.start('library');
    stopAll.push(sqlite);
    results.push([
      'SQLite, one instance',
      await measure({ label: 'sqlite', bots: [sqlite] }, connector, durations),
    ]);
    await sqlite.stop();

    const single = await blobsBot('bench-one');
    results.push([
      'Azure Blobs (Azurite), one instance',
      await measure({ label: 'blobs-one', bots: [single] }, connector, durations),
    ]);
    await single.stop();

    const pair = [await blobsBot('bench-two'), await blobsBot('bench-two')];
    results.push([
      'Azure Blobs (Azurite), two instances',
      await measure({ label: 'blobs-two', bots: pair }, connector, durations),
    ]);
    await Promise.all(pair.map((bot) => bot.stop()));
  } finally {
    await connector.close();
    await azurite.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.log(
    `Shared state: this bot on SQLite and on Azure Blobs (Azurite, same machine); each bot in its own ` +
      `process; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
  );
  for (const [title, figures] of [
    [`closed loop, 64 conversations, "${HOURS_QUESTION}" (two instances: turns alternate):`, 'closed'],
    ['open loop, 50 turns/s offered (two instances: 25 each), worst instance p99:', 'open'],
    ['closed loop, 64 conversations, a mixed visit with holds sign-in:', 'visit'],
  ] as const) {
    console.log(title);
    for (const [label, result] of results) console.log(line(label, result[figures]));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

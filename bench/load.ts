// Load on the whole bot, beside the bare Bot Framework echo bot, driven the same way in one run:
//   node dist/bench/load.js [--quick] [--profile DIR]
// 1. closed loop: 64 conversations posting "when does the Eastside branch close today?" to
//    /api/messages, replies to a loopback connector, on the echo bot and this bot in turn (one-second
//    windows, so both see the same machine): turns/s and ratio;
// 2. open loop at 50 and 200 turns/s offered (this bot): p50/p95/p99 from when each turn was due;
// 3. a mixed script of hours, programs, FAQ and holds turns (sign-in included), closed loop;
// 4. the built-in Direct Line, 100 conversations x 20 turns over WebSocket streams: every reply
//    counted, lost and duplicated replies, the longest stall;
// and the bot's RSS before and after. Each bot runs in its own process (bench/support/serveBot.ts and
// serveEchoBot.ts: the echo bot loads nothing of this bot).
// --profile DIR runs this bot under `node --cpu-prof` and leaves the profile in DIR.
import { loadavg } from 'node:os';
import {
  BOT_NODE_OPTIONS,
  BotProcess,
  alternatingClosedLoops,
  closedLoop,
  directLineLoad,
  openLoop,
  ReplyConnector,
  type LatencySummary,
} from './support/loadDriver';
import { HOURS_QUESTION, hoursOnly, mixed } from './support/patronScripts';

const ms = (value: number) => value.toFixed(1);
const latency = (s: LatencySummary) =>
  `p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, p99 ${ms(s.p99)} ms, max ${ms(s.max)} ms`;

/** A failed run must not leave a bot process behind. */
function stopOnExit(bot: BotProcess): void {
  process.once('exit', () => bot.child.kill('SIGTERM'));
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const profileAt = process.argv.indexOf('--profile');
  const profileDir = profileAt > 0 ? process.argv[profileAt + 1] : undefined;
  const closedMs = quick ? 5000 : 15000;
  const openMs = quick ? 5000 : 10000;

  const loadBefore = loadavg()[0];
  const connector = new ReplyConnector();
  await connector.start();

  const nodeOptions = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const echo = await BotProcess.start('echo');
  stopOnExit(echo);
  const bot = await BotProcess.start('library', nodeOptions);
  stopOnExit(bot);
  const rssAtStart = bot.rssMb();
  const target = (url: string, run: string) => ({ messagesUrl: `${url}/api/messages`, connector, run });
  // Both bots warm up the same way, under the measured load for 10 s each: a bot serves for days, and
  // both were still getting faster after 3 s (V8 optimising the hot code, the heap finding its size; this
  // bot also expands the program feeds once), so a shorter warm-up measured their start, not their pace.
  // The warm-up alternates too: a bot left idle for 10 s while the other warmed had its heap shrunk and
  // was 5-20% slower for a while (two identical echo bots measured 0.80-0.88 of each other that way, 0.98-1.01
  // warmed in turn).
  const inTurn = { conversations: 64, windowMs: 1000, script: hoursOnly };
  await alternatingClosedLoops(target(echo.url, 'echo-warm'), target(bot.url, 'warm'), {
    ...inTurn,
    windows: 10,
  });
  // Then measured the same way, in one-second windows: the idle one uses no CPU meanwhile.
  const cpu0 = bot.cpuSeconds();
  const closed = await alternatingClosedLoops(target(echo.url, 'echo'), target(bot.url, 'closed'), {
    ...inTurn,
    windows: quick ? 5 : 15,
  });
  const cpuPerTurnMs = ((bot.cpuSeconds() - cpu0) * 1000) / closed.second.turns;
  // RSS after each part, to tell which part the memory after the run comes from.
  const rssAfterPart: [string, number][] = [['closed loop', bot.rssMb()]];
  const echoClosed = closed.first;
  const botClosed = closed.second;
  await echo.stop();
  const open50 = await openLoop(target(bot.url, 'open50'), {
    ratePerSecond: 50,
    durationMs: openMs,
    conversations: 64,
    script: hoursOnly,
  });
  const open200 = await openLoop(target(bot.url, 'open200'), {
    ratePerSecond: 200,
    durationMs: openMs,
    conversations: 64,
    script: hoursOnly,
  });
  rssAfterPart.push(['open loops', bot.rssMb()]);
  const botMixed = await closedLoop(target(bot.url, 'mixed'), {
    conversations: 64,
    durationMs: closedMs,
    script: mixed,
  });
  rssAfterPart.push(['mixed script', bot.rssMb()]);
  const directLine = await directLineLoad(bot.url, {
    conversations: 100,
    turns: 20,
    script: mixed,
    replyTimeoutMs: 60000,
  });
  const rssAfter = bot.rssMb();
  bot.child.kill('SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await bot.stop();
  await connector.close();

  console.log(
    `Load: the bare echo bot and this bot, same driver, same run (each bot in its own process, ` +
      `${BOT_NODE_OPTIONS.join(' ')}); load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
  );
  console.log(
    `closed loop, 64 conversations, "${HOURS_QUESTION}", the two bots in turn (${closed.windowRatios.length} one-second windows each):`,
  );
  console.log(
    `  echo bot: ${echoClosed.turnsPerSecond.toFixed(0)} turns/s (${latency(echoClosed)}), lost ${echoClosed.lost}`,
  );
  console.log(
    `  this bot: ${botClosed.turnsPerSecond.toFixed(0)} turns/s (${latency(botClosed)}), lost ${botClosed.lost}, ` +
      `duplicated ${botClosed.duplicated}, failed ${botClosed.failed}, CPU ${cpuPerTurnMs.toFixed(2)} ms/turn`,
  );
  const spread = [...closed.windowRatios].sort((a, b) => a - b);
  console.log(
    `  ratio to the echo bot: ${(botClosed.turnsPerSecond / echoClosed.turnsPerSecond).toFixed(2)} (target >= 0.5); ` +
      `window by window ${spread[0].toFixed(2)}-${spread[spread.length - 1].toFixed(2)}, ` +
      `median ${spread[Math.floor(spread.length / 2)].toFixed(2)}`,
  );
  for (const [label, run] of [
    ['50', open50],
    ['200', open200],
  ] as const) {
    console.log(
      `open loop, ${label} turns/s offered: ${run.turnsPerSecond.toFixed(0)} turns/s done, ${latency(run)}, ` +
        `lost ${run.lost}, failed ${run.failed}${label === '200' ? ' (target p99 <= 50 ms)' : ''}`,
    );
  }
  console.log(
    `mixed script (hours, programs, FAQ, holds with sign-in), closed loop 64: ${botMixed.turnsPerSecond.toFixed(0)} turns/s, ` +
      `${latency(botMixed)}, lost ${botMixed.lost}, duplicated ${botMixed.duplicated}, failed ${botMixed.failed}`,
  );
  console.log(
    `built-in Direct Line, 100 conversations x 20 turns (mixed script, WebSocket): ${directLine.turnsPerSecond.toFixed(0)} turns/s, ` +
      `${latency(directLine)}, lost ${directLine.lost}, duplicated ${directLine.duplicated}, ` +
      `longest stall ${ms(directLine.longestStallMs)} ms (targets: 0, 0, < 500 ms)`,
  );
  if (directLine.failures.length)
    console.log(`  what failed: ${[...new Set(directLine.failures)].slice(0, 5).join('; ')}`);
  console.log(
    `RSS of this bot: ${rssAtStart.toFixed(0)} MB at start, ${rssAfter.toFixed(0)} MB after the run (target <= 350 MB); ` +
      `after the ${rssAfterPart.map(([part, mb]) => `${part} ${mb.toFixed(0)}`).join(', ')} MB`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// What a bench's bot process does once its bot is up: says where, and serves until SIGTERM.
import type { RunningBot } from './echoBot';

/** Prints `READY <url>`, reports memory on SIGUSR2 (for the RSS figures), closes on SIGTERM/SIGINT. */
export function serveUntilStopped(bot: RunningBot): void {
  process.stdout.write(`READY ${bot.url}\n`);
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

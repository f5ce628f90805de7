// The bare echo bot in its own process for bench/load.ts: `node dist/bench/support/serveEchoBot.js`.
// Apart from serveBot.js on purpose: loading this bot's modules beside it (as serveBot.js once did) gave the
// echo bot a heap half as big again (RSS 189 MB against 118) and cost it 7-11% of its turns per second.
import { startEchoBot } from './echoBot';
import { serveUntilStopped } from './serving';

startEchoBot().then(serveUntilStopped, (error: unknown) => {
  console.error(error);
  process.exit(1);
});

// The bare echo bot in its own process for bench/load.ts: `node dist/bench/support/serveEchoBot.js`.
// Apart from serveBot.js on purpose: loading this bot's modules beside it (as serveBot.js once did) gave the
// echo bot a heap three times its own and cost it about 6% of its turns per second.
import { startEchoBot } from './echoBot';
import { serveUntilStopped } from './serving';

startEchoBot().then(serveUntilStopped, (error: unknown) => {
  console.error(error);
  process.exit(1);
});

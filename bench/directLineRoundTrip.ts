// How long a patron waits for the bot's reply through the built-in Direct Line: a message posted,
// the bot's turn run through /api/messages and SQLite state, and the reply read back.
// Prints median, p95 and p99 in milliseconds. Usage: node dist/bench/directLineRoundTrip.js [messages]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLibraryConfig } from '../config/libraryConfig';
import { readRuntimeSettings } from '../config/runtimeSettings';
import { createLogger } from '../observability/logger';
import { createLibraryBotApp } from '../server/libraryBotApp';

const MESSAGES = [
  'hi',
  'what time do you close today',
  'is the eastside branch open on sunday',
  'anything for my 5 year old this weekend',
  'how much is printing',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 200);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  const settings = readRuntimeSettings({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const library = loadLibraryConfig(join(__dirname, '..', '..', 'config', 'demo-library.yaml'));
  const app = createLibraryBotApp({
    settings,
    library,
    logger: createLogger({ level: 'silent', format: 'json' }),
  });
  const { url } = await app.listen();
  try {
    const session = (await (await fetch(`${url}/api/directline/token`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers });
    const activitiesUrl = `${url}/v3/directline/conversations/${session.conversationId}/activities`;
    let watermark = '';
    const timings: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = process.hrtime.bigint();
      await fetch(activitiesUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'message', text: MESSAGES[i % MESSAGES.length] }),
      });
      const body = (await (await fetch(`${activitiesUrl}?watermark=${watermark}`, { headers })).json()) as {
        watermark: string;
      };
      watermark = body.watermark;
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    timings.sort((a, b) => a - b);
    const total = timings.reduce((sum, t) => sum + t, 0);
    console.log(`Direct Line round trip over ${count} messages (post + read reply, SQLite state)`);
    console.log(
      `median_ms=${percentile(timings, 50).toFixed(2)} p95_ms=${percentile(timings, 95).toFixed(2)} ` +
        `p99_ms=${percentile(timings, 99).toFixed(2)} messages_per_s=${((count / total) * 1000).toFixed(1)}`,
    );
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

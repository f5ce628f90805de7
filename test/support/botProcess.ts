// The bot as it runs in production: `node dist/index.js` in a process of its own, configured by
// environment variables only, on a free loopback port. For tests that need several instances on one
// shared state, or a real restart (SIGTERM or kill -9) on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { DEMO_CONFIG_PATH } from './demoLibrary';

const ENTRY_POINT = join(__dirname, '..', '..', 'index.js');

export interface BotProcess {
  url: string;
  /** Everything it wrote to stdout and stderr (JSON log lines). */
  output(): string;
  /** SIGTERM (graceful) or SIGKILL (kill -9), and waits for the exit. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<number | null>;
}

/** Starts one instance; resolves once it logged "is ready at", with the port it listens on. */
export async function startBotProcess(
  env: Record<string, string>,
  // A first start on an empty data folder trains the intent model and seeds the demo library system:
  // well over a minute on a 2-core machine at load 14 (a restart reuses both).
  timeoutMs = 150_000,
): Promise<BotProcess> {
  const child = spawn(process.execPath, [ENTRY_POINT], {
    env: { ...process.env, PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // mocha exits with process.exit: never leave a bot running behind it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const port = await readyPort(child, () => output, timeoutMs);
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

async function readyPort(child: ChildProcess, output: () => string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = /is ready at http:\/\/localhost:(\d+)/.exec(output());
    if (ready) return Number(ready[1]);
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the bot did not start:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The demo library's YAML, changed by `change`, written to `folder` (relative feed paths made
 * absolute, since they resolve against the YAML's folder). Returns the file for LIBRARY_CONFIG.
 */
export function writeDemoConfig(folder: string, change: (raw: Record<string, unknown>) => void): string {
  const raw = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as Record<string, unknown>;
  change(raw);
  const file = join(folder, 'library.yaml');
  writeFileSync(
    file,
    stringify(raw).replace(
      /file: demo-programs\.ics/g,
      `file: ${join(DEMO_CONFIG_PATH, '..', 'demo-programs.ics')}`,
    ),
  );
  return file;
}

/** Posts an activity to an instance's /api/messages as a channel does; the status and body. */
export async function postActivity(
  url: string,
  activity: Record<string, unknown>,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

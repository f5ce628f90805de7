// Starts Azurite's Blob service (the Azure Storage emulator, npm `azurite`) as a child process on a
// free loopback port with its data in a temporary folder, waits until it answers, and stops it.
// Tests that need Azure Blob Storage (the storage contract suite, the app on STATE_STORAGE=azure-blobs,
// several bot instances sharing state) start one here; no Docker, no cloud account.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteBlob {
  port: number;
  /** Where Azurite keeps its blobs (unused in memory); reuse it with the port to restart on the same data. */
  location: string;
  /** For AZURE_STORAGE_CONNECTION_STRING. */
  connectionString: string;
  /** Stops Azurite and waits for it to exit; removes the data folder unless `keepData`. */
  stop(keepData?: boolean): Promise<void>;
}

export interface AzuriteOptions {
  /** A fixed port (to restart on the same address); a free one otherwise. */
  port?: number;
  /** An existing data folder (to restart on the same data); a new temporary one otherwise. */
  location?: string;
  /** Keep blobs in Azurite's memory only (nothing on disk; lost when it stops). */
  inMemory?: boolean;
  startTimeoutMs?: number;
}

const AZURITE_BLOB_MAIN = require.resolve('azurite/dist/src/blob/main.js');

export function azuriteConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_ACCOUNT_KEY};` +
    `BlobEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT};`
  );
}

/** A container name no other test uses (Azure's rules: lower case, digits, hyphens). */
export function uniqueContainerName(prefix = 'test'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

export async function startAzuriteBlob(options: AzuriteOptions = {}): Promise<AzuriteBlob> {
  // Its own temporary folder (not testBot's helper), so a benchmark can start it without the whole bot.
  const location = options.location ?? mkdtempSync(join(tmpdir(), 'azurite-'));
  const timeoutMs = options.startTimeoutMs ?? 60000;
  // Another process can take a port between our probe and Azurite's bind: try a few free ports.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const child = spawn(
      process.execPath,
      [
        AZURITE_BLOB_MAIN,
        ...['--blobHost', '127.0.0.1', '--blobPort', String(port)],
        ...(options.inMemory ? ['--inMemoryPersistence'] : ['--location', location]),
        ...['--silent', '--skipApiVersionCheck'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    // mocha exits with process.exit: never leave an emulator running behind it.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    const stop = async (keepData: boolean) => {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
      if (!keepData && !options.location) rmSync(location, { recursive: true, force: true });
    };
    let started: boolean;
    try {
      started = await waitUntilAnswering(port, child, timeoutMs);
    } catch (error) {
      await stop(false);
      throw error;
    }
    if (started) {
      return {
        port,
        location,
        connectionString: azuriteConnectionString(port),
        stop: (keepData = false) => stop(keepData),
      };
    }
    const retry = options.port === undefined && attempt < 3 && /EADDRINUSE/.test(output);
    await stop(retry);
    if (!retry) throw new Error(`Azurite did not start on port ${port}: ${output.trim() || 'no output'}`);
  }
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True once Azurite answers HTTP (any status: an unsigned request gets 403); false if it exited. */
async function waitUntilAnswering(port: number, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let exited = child.exitCode !== null;
  child.once('exit', () => (exited = true));
  while (!exited && Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/${AZURITE_ACCOUNT}?comp=list`, {
        signal: AbortSignal.timeout(1000),
      });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  if (!exited) throw new Error(`Azurite did not answer on port ${port} within ${timeoutMs} ms`);
  return false;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(killer);
}

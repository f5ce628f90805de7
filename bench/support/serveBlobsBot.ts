// This bot in its own process with its state on Azure Blob Storage (bench/sharedState.ts):
//   node dist/bench/support/serveBlobsBot.js <connection string> <container> [data folder]
// Prints `READY <url>` like serveBot.js, then serves until SIGTERM. Several of these on one
// container are several instances of one bot.
import { BlobStateStorage } from '../../storage/blobStateStorage';
import { startLibraryBot } from './serveBot';
import { serveUntilStopped } from './serving';

async function main(): Promise<void> {
  const [connectionString, container, dataDir] = process.argv.slice(2);
  if (!connectionString || !container)
    throw new Error('usage: serveBlobsBot.js <connection string> <container>');
  const storage = new BlobStateStorage({ connectionString, container });
  serveUntilStopped(await startLibraryBot({ storage, dataDir }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

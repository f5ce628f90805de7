// The one place that turns the STATE_STORAGE settings into a Storage for bot state: SQLite in the
// data folder (the default, one machine) or Azure Blob Storage (shared by several instances).
import type { Storage, StoreItems } from 'botbuilder';
import { join } from 'node:path';
import type { RuntimeSettings } from '../config/runtimeSettings';
import { StartupRefusedError } from '../config/startupChecks';
import { BlobStateStorage } from './blobStateStorage';
import { networkShareOf, readMountTable } from './networkShare';
import { SqliteStorage } from './sqliteStorage';

/**
 * A bot-state Storage the app can probe for /readyz and close on shutdown, with create-only writes
 * for new shared documents (library/storage/optimistic.ts).
 */
export interface StateStorage extends Storage {
  create(changes: StoreItems): Promise<void>;
  checkReachable(): Promise<void>;
  close(): void;
}

export const SQLITE_STATE_FILE = 'bot-state.sqlite';

/**
 * Opens the configured provider. In production (an app id) it refuses SQLite state on a network
 * file share; `mountsText` is the text of /proc/mounts, passed in by tests.
 */
export function openStateStorage(
  settings: Pick<RuntimeSettings, 'stateStorage' | 'localMode'>,
  dataDir: string,
  mountsText: string = readMountTable(),
): StateStorage {
  const choice = settings.stateStorage;
  if (choice.kind === 'azure-blobs') {
    return new BlobStateStorage({ connectionString: choice.connectionString, container: choice.container });
  }
  const share = settings.localMode ? undefined : networkShareOf(dataDir, mountsText);
  if (share) {
    throw new StartupRefusedError([
      `DATA_DIR (${dataDir}) is on a network file share (${share.type} at ${share.mountPoint}), and ` +
        'SQLite bot state there can be corrupted: file locks over SMB/NFS are unreliable and every ' +
        'instance would write the same file. Set STATE_STORAGE=azure-blobs with ' +
        'AZURE_STORAGE_CONNECTION_STRING (deployment/azure/README.md), or point DATA_DIR at a local disk.',
    ]);
  }
  return new SqliteStorage(join(dataDir, SQLITE_STATE_FILE));
}

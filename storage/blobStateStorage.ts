// Bot state on Azure Blob Storage, shared by every instance of the bot. Reads and writes go through
// botbuilder-azure-blobs' BlobsStorage: one JSON blob per key, eTags checked by the service itself
// (If-Match), so a stale eTag fails with "eTag conflict" whichever instance wrote last. Around it this
// class adds what the app needs: short retries (a turn must not hang for a minute), a readiness probe,
// recovery after the service was unreachable, a refusal of keys BlobsStorage would silently merge, and
// create-only writes (If-None-Match: *) on the same blobs, which BlobsStorage does not offer.
import { ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import type { Storage, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';

export interface BlobStateStorageOptions {
  connectionString: string;
  container: string;
  /** Attempts per request (the first included) and the longest wait for one try. */
  maxTries?: number;
  tryTimeoutMs?: number;
}

/** Azure's limit on a blob name, after BlobsStorage URI-encodes the key. */
const MAX_BLOB_NAME = 1024;

interface Clients {
  blobs: BlobsStorage;
  /** The same container, for create-only writes; created once per client if missing. */
  container: ContainerClient;
  containerReady?: Promise<unknown>;
}

export class BlobStateStorage implements Storage {
  private clients: Clients;

  constructor(readonly options: BlobStateStorageOptions) {
    this.clients = this.connect();
  }

  async read(keys: string[]): Promise<StoreItems> {
    keys.forEach(assertStorableKey);
    return this.run(({ blobs }) => blobs.read(keys));
  }

  async write(changes: StoreItems): Promise<void> {
    Object.keys(changes ?? {}).forEach(assertStorableKey);
    return this.run(({ blobs }) => blobs.write(changes));
  }

  async delete(keys: string[]): Promise<void> {
    keys.forEach(assertStorableKey);
    return this.run(({ blobs }) => blobs.delete(keys));
  }

  /**
   * Writes documents only where no blob exists yet (If-None-Match: *); an existing one fails with
   * the same "eTag conflict" error as a stale eTag. Same blob names and JSON as BlobsStorage.
   */
  async create(changes: StoreItems): Promise<void> {
    Object.keys(changes ?? {}).forEach(assertStorableKey);
    return this.run(async (clients) => {
      clients.containerReady ??= clients.container.createIfNotExists();
      await clients.containerReady;
      await Promise.all(
        Object.entries(changes).map(async ([key, item]) => {
          const { eTag: _ignored, ...document } = item as Record<string, unknown>;
          const body = JSON.stringify(document);
          try {
            await clients.container
              .getBlockBlobClient(sanitizeBlobKey(key))
              .upload(body, Buffer.byteLength(body), {
                conditions: { ifNoneMatch: '*' },
                blobHTTPHeaders: { blobContentType: 'application/json' },
              });
          } catch (error) {
            const status = (error as { statusCode?: number }).statusCode;
            if (status === 409 || status === 412)
              throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
            throw error;
          }
        }),
      );
    });
  }

  /** For /readyz: the container exists (created on first use) and a blob can be looked up. */
  async checkReachable(): Promise<void> {
    await this.read(['readiness-probe']);
  }

  /** Never the connection string (it holds the account key), should this object reach a log. */
  toJSON(): { name: string; container: string } {
    return { name: 'BlobStateStorage', container: this.options.container };
  }

  /** Nothing to release: requests use the Azure SDK's shared keep-alive agent. */
  close(): void {}

  private connect(): Clients {
    const { connectionString, container } = this.options;
    const pipeline: StoragePipelineOptions = {
      retryOptions: {
        maxTries: this.options.maxTries ?? 3,
        tryTimeoutInMs: this.options.tryTimeoutMs ?? 5000,
        retryDelayInMs: 200,
        maxRetryDelayInMs: 1000,
      },
    };
    return {
      blobs: new BlobsStorage(connectionString, container, { storagePipelineOptions: pipeline }),
      container: new ContainerClient(connectionString, container, pipeline),
    };
  }

  private async run<T>(operation: (clients: Clients) => Promise<T>): Promise<T> {
    const clients = this.clients;
    try {
      return await operation(clients);
    } catch (error) {
      // BlobsStorage remembers a failed "create the container" for ever; after anything but an eTag
      // conflict, start the next call on fresh clients so the bot recovers when the service does.
      if (!/etag conflict/i.test(error instanceof Error ? error.message : '') && this.clients === clients) {
        this.clients = this.connect();
      }
      throw error;
    }
  }
}

/**
 * BlobsStorage drops empty path segments ("a//b" and "a/b" are one blob) and cuts names at 1,024
 * characters, so two keys could silently share a blob: refuse such keys. One trailing "/" is allowed:
 * botbuilder's own conversation and user state keys end in "/" (an empty namespace), and "x/" then
 * shares a blob with "x", which nothing here uses as a key.
 */
export function assertStorableKey(key: string): void {
  if (typeof key !== 'string' || key === '' || key === '/') {
    throw new Error('Storage: a key must be a non-empty string');
  }
  if (key.startsWith('/') || key.includes('//')) {
    throw new Error(`Storage: the key "${key}" has an empty path segment ("//" or a leading "/")`);
  }
  if (encodeURIComponent(key).length > MAX_BLOB_NAME) {
    throw new Error(`Storage: the key "${key.slice(0, 40)}…" is longer than a blob name may be`);
  }
}

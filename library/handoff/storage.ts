// The slice of a key-value store the handoff needs. It matches botbuilder's `Storage`
// (read/write/delete with eTags) so the bot's own Storage (SQLite by default) is passed in as is,
// while this module stays free of botbuilder imports.

/** One stored document; `eTag` is set by the store and guards the next write. */
export interface StoredDocument {
  eTag?: string;
  [field: string]: unknown;
}

export interface HandoffStorage {
  read(keys: string[]): Promise<Record<string, StoredDocument>>;
  /** A write whose eTag is stale must fail; no eTag or '*' overwrites. */
  write(changes: Record<string, StoredDocument>): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

/** Thrown when a guarded update kept losing to other writers. */
export class ConcurrentUpdateError extends Error {
  constructor(readonly key: string) {
    super(`could not update "${key}": it kept changing underneath us`);
    this.name = 'ConcurrentUpdateError';
  }
}

/** Storage providers word it differently ("eTag conflict", HTTP 412 "Precondition Failed"). */
export function isETagConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code =
    (error as { code?: unknown; statusCode?: unknown }).code ??
    (error as { statusCode?: unknown }).statusCode;
  return /etag/i.test(error.message) || /precondition/i.test(error.message) || code === 412;
}

/** A typed document with the eTag it was read with. */
export type Versioned<T> = T & { eTag?: string };

export async function readOne<T>(storage: HandoffStorage, key: string): Promise<Versioned<T> | undefined> {
  const items = await storage.read([key]);
  // Our own documents, written by this module only, so the shape is known.
  return items[key] as Versioned<T> | undefined;
}

export async function readMany<T>(storage: HandoffStorage, keys: string[]): Promise<Versioned<T>[]> {
  if (keys.length === 0) return [];
  const items = await storage.read(keys);
  return keys.flatMap((key) => (items[key] ? [items[key] as Versioned<T>] : []));
}

/**
 * Read-modify-write guarded by the eTag that was read, retried on conflict. `change` gets the
 * current document (or undefined) and returns the new one, or `undefined` to leave it alone; it
 * must be free of side effects because it can run more than once.
 */
export async function updateDocument<T extends object, R = T>(
  storage: HandoffStorage,
  key: string,
  change: (current: T | undefined) => { next: T; result: R } | { next?: undefined; result: R },
  attempts = 8,
): Promise<R> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await readOne<T>(storage, key);
    const eTag = current?.eTag;
    const plain = current ? (stripETag(current) as T) : undefined;
    const outcome = change(plain);
    if (outcome.next === undefined) return outcome.result;
    const document: StoredDocument = { ...(outcome.next as object) };
    if (eTag) document.eTag = eTag;
    try {
      await storage.write({ [key]: document });
      return outcome.result;
    } catch (error) {
      if (!isETagConflict(error)) throw error;
    }
  }
  throw new ConcurrentUpdateError(key);
}

function stripETag<T extends object>(document: Versioned<T>): T {
  const { eTag: _eTag, ...rest } = document as T & { eTag?: string };
  return rest as T;
}

// Documents several bot instances share in one key-value store (botbuilder's Storage shape: SQLite
// locally, Azure Blob Storage in production), changed by read-modify-write guarded by the eTag that
// was read and retried on conflict, so no instance silently overwrites another's change. A document
// that does not exist yet is created with a create-only write where the store offers one, so two
// instances creating it at once cannot both win either. Free of botbuilder imports: the bot's own
// Storage is passed in as it is.

/** One stored document; `eTag` is set by the store and guards the next write. */
export interface StoredDocument {
  eTag?: string;
  [field: string]: unknown;
}

export interface DocumentStorage {
  read(keys: string[]): Promise<Record<string, StoredDocument>>;
  /** A write whose eTag is stale must fail; no eTag or '*' overwrites. */
  write(changes: Record<string, StoredDocument>): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

/** A store that can write a document only where none exists yet (SQLite, Blob Storage, memory). */
export interface CreateOnlyStorage extends DocumentStorage {
  /** Writes the documents; any key that already exists fails the call with an "eTag conflict" error. */
  create(changes: Record<string, StoredDocument>): Promise<void>;
}

export function canCreateOnly(storage: DocumentStorage): storage is CreateOnlyStorage {
  return typeof (storage as Partial<CreateOnlyStorage>).create === 'function';
}

/**
 * A store that can take a key once, in one step, for a while (SQLite: one insert into a table of its
 * own, kept ten minutes), cheaper than a guarded write of a document.
 */
export interface ClaimingStorage extends DocumentStorage {
  /** Takes `key` for `holder` unless it is taken already; resolves to whoever holds it now. */
  claimOnce(key: string, holder: string): Promise<string>;
}

export function canClaimOnce(storage: DocumentStorage): storage is ClaimingStorage {
  return typeof (storage as Partial<ClaimingStorage>).claimOnce === 'function';
}

/** Thrown when a guarded update kept losing to other writers. */
export class ConcurrentUpdateError extends Error {
  constructor(readonly key: string) {
    super(`could not update "${key}": it kept changing underneath us`);
    this.name = 'ConcurrentUpdateError';
  }
}

/** Storage providers word it differently ("eTag conflict", HTTP 412 "Precondition Failed", 409). */
export function isETagConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code =
    (error as { code?: unknown; statusCode?: unknown }).code ??
    (error as { statusCode?: unknown }).statusCode;
  return /etag/i.test(error.message) || /precondition/i.test(error.message) || code === 412;
}

/** A typed document with the eTag it was read with. */
export type Versioned<T> = T & { eTag?: string };

export async function readOne<T>(storage: DocumentStorage, key: string): Promise<Versioned<T> | undefined> {
  const items = await storage.read([key]);
  // Documents written by the module that reads them, so the shape is known.
  return items[key] as Versioned<T> | undefined;
}

export async function readMany<T>(storage: DocumentStorage, keys: string[]): Promise<Versioned<T>[]> {
  if (keys.length === 0) return [];
  const items = await storage.read(keys);
  return keys.flatMap((key) => (items[key] ? [items[key] as Versioned<T>] : []));
}

/**
 * What a change decides: the next document and the caller's result, or only a result to leave the
 * document alone. `attempt` counts from 0 (0: the document as first read).
 */
export type DocumentChange<T, R> = (
  current: T | undefined,
  attempt: number,
) => { next: T; result: R } | { next?: undefined; result: R };

export interface UpdateOptions<T> {
  /** Tries before giving up with ConcurrentUpdateError (default 10). */
  attempts?: number;
  /**
   * The document as the caller already read it, with its eTag (null: known not to exist), so the
   * first try needs no read of its own. Later tries read afresh.
   */
  known?: Versioned<T> | null;
}

/**
 * Read-modify-write guarded by the eTag that was read, retried on conflict after a short random
 * pause (so instances that collided do not collide again in step). `change` must be free of side
 * effects because it can run more than once.
 */
export async function updateDocument<T extends object, R = T>(
  storage: DocumentStorage,
  key: string,
  change: DocumentChange<T, R>,
  options: UpdateOptions<T> = {},
): Promise<R> {
  const attempts = options.attempts ?? 10;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current =
      attempt === 0 && options.known !== undefined
        ? (options.known ?? undefined)
        : await readOne<T>(storage, key);
    const outcome = change(current ? withoutETag(current) : undefined, attempt);
    if (outcome.next === undefined) return outcome.result;
    try {
      await writeGuarded(storage, key, outcome.next, current);
      return outcome.result;
    } catch (error) {
      if (!isETagConflict(error)) throw error;
    }
    await pause(attempt);
  }
  throw new ConcurrentUpdateError(key);
}

/**
 * Creates a document only if the key is free; false when it already exists. On a store without
 * create-only writes (botbuilder's MemoryStorage) this is a read then a write: one process only.
 */
export async function createDocument(
  storage: DocumentStorage,
  key: string,
  document: object,
): Promise<boolean> {
  return updateDocument<object, boolean>(storage, key, (current) =>
    current ? { result: false } : { next: document, result: true },
  );
}

function writeGuarded<T extends object>(
  storage: DocumentStorage,
  key: string,
  next: T,
  current: Versioned<T> | undefined,
): Promise<void> {
  const document: StoredDocument = { ...(next as object) };
  delete document.eTag;
  if (current) {
    // A store always returns an eTag; without one the write can only overwrite.
    if (current.eTag) document.eTag = current.eTag;
    return storage.write({ [key]: document });
  }
  return canCreateOnly(storage) ? storage.create({ [key]: document }) : storage.write({ [key]: document });
}

export function withoutETag<T extends object>(document: Versioned<T>): T {
  const { eTag: _eTag, ...rest } = document as T & { eTag?: string };
  return rest as T;
}

/** Up to 5, 10, 20, ... 160 ms, at random, between tries. */
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * 5 * 2 ** Math.min(attempt, 5);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

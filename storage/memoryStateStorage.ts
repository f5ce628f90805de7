// botbuilder's MemoryStorage with what the app's other providers offer: create-only writes (new
// shared documents, the first claim of an activity), a readiness probe and close(). For tests and
// for one process; nothing is kept across a restart.
import { MemoryStorage, type StoreItems } from 'botbuilder';

export class MemoryStateStorage extends MemoryStorage {
  /** Writes every change, or none when any key already exists (an eTag conflict). */
  async create(changes: StoreItems): Promise<void> {
    const taken = Object.keys(changes).find((key) => this.memory[key] !== undefined);
    if (taken !== undefined) throw new Error(`Storage: error writing "${taken}" due to eTag conflict.`);
    const fresh: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) fresh[key] = { ...item, eTag: undefined };
    // Checked and written in the same tick: MemoryStorage.write is synchronous under its promise.
    await this.write(fresh);
  }

  async checkReachable(): Promise<void> {}

  close(): void {}
}

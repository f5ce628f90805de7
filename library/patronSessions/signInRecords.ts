// Which sign-in documents exist, so they can be purged: a store like botbuilder's Storage cannot list
// its keys, so each document is noted under the day it was created (one index document per day, and
// one listing the days). The purge reads the indexes of days before yesterday, deletes what has
// ended and notes what is still alive under today. Every step can run twice without harm; the
// server also runs it under a lease so one instance does it (library/storage/lease.ts).
import { type DocumentStorage, readOne, type StoredDocument, updateDocument } from '../storage/optimistic';

interface DayIndex {
  keys: string[];
}

interface DaysIndex {
  days: string[];
}

const daysKey = 'patron-sign-in/days';
const dayKey = (day: string): string => `patron-sign-in/day/${day}`;
const dayMs = 24 * 60 * 60 * 1000;

export interface PurgeOutcome {
  /** Documents deleted. */
  deleted: number;
  /** Documents still in use, noted under today. */
  kept: number;
}

export class SignInRecords {
  constructor(
    private readonly storage: DocumentStorage,
    private readonly now: () => number,
  ) {}

  /** Notes keys created now, under today. */
  async track(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const day = dayOf(this.now());
    const added = await updateDocument<DayIndex, boolean>(this.storage, dayKey(day), (current) => {
      const known = current?.keys ?? [];
      const fresh = keys.filter((key) => !known.includes(key));
      if (fresh.length === 0) return { result: false };
      return { next: { keys: [...known, ...fresh] }, result: true };
    });
    // Checked after every addition, so a day is listed even if the instance that created its index
    // stopped before listing it.
    if (!added) return;
    await updateDocument<DaysIndex, void>(this.storage, daysKey, (current) => {
      const days = current?.days ?? [];
      if (days.includes(day)) return { result: undefined };
      return { next: { days: [...days, day].sort() }, result: undefined };
    });
  }

  /**
   * Deletes the documents noted before yesterday that `alive` says have ended (or are gone), and
   * notes the others under today. `alive` gets each document as stored.
   */
  async purge(alive: (key: string, document: StoredDocument) => boolean): Promise<PurgeOutcome> {
    const before = dayOf(this.now() - dayMs);
    const index = await readOne<DaysIndex>(this.storage, daysKey);
    const oldDays = (index?.days ?? []).filter((day) => day < before);
    const outcome: PurgeOutcome = { deleted: 0, kept: 0 };
    for (const day of oldDays) {
      const keys = (await readOne<DayIndex>(this.storage, dayKey(day)))?.keys ?? [];
      const documents = keys.length ? await this.storage.read(keys) : {};
      const keep = keys.filter((key) => documents[key] && alive(key, documents[key]));
      const drop = keys.filter((key) => documents[key] && !keep.includes(key));
      await this.track(keep);
      if (drop.length) await this.storage.delete(drop);
      await this.storage.delete([dayKey(day)]);
      outcome.deleted += drop.length;
      outcome.kept += keep.length;
    }
    if (oldDays.length) {
      await updateDocument<DaysIndex, void>(this.storage, daysKey, (current) => ({
        next: { days: (current?.days ?? []).filter((day) => !oldDays.includes(day)) },
        result: undefined,
      }));
    }
    return outcome;
  }

  /** Days with an index, for tests and health pages. */
  async days(): Promise<string[]> {
    return (await readOne<DaysIndex>(this.storage, daysKey))?.days ?? [];
  }
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// Who claimed, transferred and ended what, and when. One document per day so the purge can drop
// whole days; entries never carry message text.
import type { AuditEntry } from './types';
import { type HandoffStorage, readMany, readOne, updateDocument } from './storage';

interface AuditDay {
  day: string;
  entries: AuditEntry[];
}

interface AuditIndex {
  days: string[];
}

const indexKey = 'handoff/audit-index';
const dayKey = (day: string): string => `handoff/audit/${day}`;

export class AuditTrail {
  constructor(private readonly storage: HandoffStorage) {}

  async record(entry: AuditEntry): Promise<void> {
    const day = entry.at.slice(0, 10);
    await updateDocument<AuditIndex, void>(this.storage, indexKey, (current) => {
      const days = current?.days ?? [];
      if (days.includes(day)) return { result: undefined };
      return { next: { days: [...days, day].sort() }, result: undefined };
    });
    await updateDocument<AuditDay, void>(this.storage, dayKey(day), (current) => ({
      next: { day, entries: [...(current?.entries ?? []), entry] },
      result: undefined,
    }));
  }

  async entries(): Promise<AuditEntry[]> {
    const index = await readOne<AuditIndex>(this.storage, indexKey);
    const days = await readMany<AuditDay>(this.storage, (index?.days ?? []).map(dayKey));
    return days.flatMap((d) => d.entries);
  }

  /** Drops the days older than the retention period; returns how many entries went. */
  async purgeOlderThan(cutoff: Date): Promise<number> {
    const cutoffDay = cutoff.toISOString().slice(0, 10);
    const index = await readOne<AuditIndex>(this.storage, indexKey);
    const old = (index?.days ?? []).filter((day) => day < cutoffDay);
    if (old.length === 0) return 0;
    const removed = (await readMany<AuditDay>(this.storage, old.map(dayKey))).reduce(
      (n, d) => n + d.entries.length,
      0,
    );
    await this.storage.delete(old.map(dayKey));
    await updateDocument<AuditIndex, void>(this.storage, indexKey, (current) => ({
      next: { days: (current?.days ?? []).filter((day) => !old.includes(day)) },
      result: undefined,
    }));
    return removed;
  }
}

// Periodic work shared by several bot instances (handoff sweeps and claim timeouts, purges): each job
// has a lease document in the shared storage, taken by eTag-guarded read-modify-write, so at any
// moment at most one instance runs it, and it starts at most once per period whichever instance's
// timer fires. An instance that dies while holding a lease loses it when the hold time runs out.
import { type DocumentStorage, updateDocument } from './optimistic';

interface LeaseDocument {
  /** The instance running the job now, if any. */
  holder?: string;
  /** Until when the holder may run it (ms since the epoch); after that anyone may take over. */
  heldUntil: number;
  /** When the job last started, on any instance. */
  lastStartedAt: number;
}

export interface LeaseTimes {
  /** The job is due this long after it last started (anywhere). */
  periodMs: number;
  /** Longest a run may take; a holder that is gone for longer is taken over. */
  holdMs: number;
}

const leaseKey = (job: string): string => `leases/${job}`;

export class Leases {
  constructor(
    private readonly storage: DocumentStorage,
    /** This instance (unique per process). */
    readonly holder: string,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes the job's lease when it is due and nobody holds it; true when this instance should run it. */
  tryStart(job: string, times: LeaseTimes): Promise<boolean> {
    const now = this.now();
    return updateDocument<LeaseDocument, boolean>(this.storage, leaseKey(job), (current) => {
      if (current?.holder && current.holder !== this.holder && current.heldUntil > now)
        return { result: false };
      // A timer may fire a few milliseconds early: due within a tenth of the period counts.
      if (current && now - current.lastStartedAt < times.periodMs * 0.9) return { result: false };
      return {
        next: { holder: this.holder, heldUntil: now + times.holdMs, lastStartedAt: now },
        result: true,
      };
    });
  }

  /** Gives the lease back after a run (the period still counts from when it started). */
  finish(job: string): Promise<void> {
    return updateDocument<LeaseDocument, void>(this.storage, leaseKey(job), (current) => {
      if (!current || current.holder !== this.holder) return { result: undefined };
      return { next: { heldUntil: 0, lastStartedAt: current.lastStartedAt }, result: undefined };
    });
  }

  /** Runs the job here if this instance gets its lease; true when it ran. */
  async runIfDue(job: string, times: LeaseTimes, work: () => Promise<unknown>): Promise<boolean> {
    if (!(await this.tryStart(job, times))) return false;
    try {
      await work();
    } finally {
      await this.finish(job);
    }
    return true;
  }
}

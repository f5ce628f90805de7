// A capability's periodic work (handoff sweeps, purges), safe with several instances: each run takes
// the job's lease in the shared storage first (library/storage/lease.ts), so one instance at a time
// runs it, at most once per period. Leases count real time, not the library's clock (tests freeze or
// move that one). A failure is logged and the next round tries again.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Leases } from '../../library/storage/lease';
import type { CapabilityDeps } from './capability';

export interface PeriodicJob {
  /** Unique across the bot (the lease's name). */
  name: string;
  everySeconds: number;
  /** Longest a run may take before another instance may take over (default: 4 periods, at least 60 s). */
  holdSeconds?: number;
  run: () => Promise<unknown>;
}

export class PeriodicWork {
  private readonly leases: Leases;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: Pick<CapabilityDeps, 'storage' | 'logger'>) {
    this.leases = new Leases(deps.storage, `${hostname()}:${process.pid}:${randomUUID()}`);
  }

  /** Runs the job every `everySeconds` on whichever instance takes its lease. */
  every(job: PeriodicJob): void {
    const timer = setInterval(() => void this.runIfDue(job), job.everySeconds * 1000);
    timer.unref();
    this.timers.push(timer);
  }

  /** Runs the job now if it is due and no instance is running it; true when it ran here. */
  async runIfDue(job: PeriodicJob): Promise<boolean> {
    const periodMs = job.everySeconds * 1000;
    const holdMs = (job.holdSeconds ?? Math.max(60, 4 * job.everySeconds)) * 1000;
    try {
      return await this.leases.runIfDue(job.name, { periodMs, holdMs }, job.run);
    } catch (error) {
      this.deps.logger.error({ err: error, job: job.name }, `${job.name} failed`);
      return false;
    }
  }

  stop(): void {
    this.timers.splice(0).forEach((timer) => clearInterval(timer));
  }
}

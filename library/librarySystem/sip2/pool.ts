// A small pool of logged-in SIP2 connections: one request in flight per connection, callers queue
// for the next free one. A connection that fails is dropped; the next caller opens (and logs in) a
// new one, waiting longer after each failure in a row so a down ILS is not hammered.
import { Sip2TransportError, type Sip2Connection } from './connection';

export interface Sip2PoolOptions {
  size: number;
  /** Opens a connection and logs it in. */
  connect: () => Promise<Sip2Connection>;
  /** Back-off after failed connects: initialMs, doubling, at most maxMs (defaults 100 ms, 5 s). */
  backoff?: { initialMs: number; maxMs: number };
  sleep?: (ms: number) => Promise<void>;
}

export class Sip2Pool {
  private readonly idle: Sip2Connection[] = [];
  private readonly waiting: ((connection: Sip2Connection | undefined) => void)[] = [];
  private open = 0;
  private failuresInARow = 0;
  private closed = false;

  constructor(private readonly options: Sip2PoolOptions) {}

  /** Connections open or being opened (for tests and the benchmark). */
  get size(): number {
    return this.open;
  }

  /**
   * Runs `work` on a connection of its own. With `retryOnClosed`, a request that finds its
   * connection closed by the server (idle timeout) runs once more on a new one: only for reads.
   */
  async run<T>(work: (connection: Sip2Connection) => Promise<T>, retryOnClosed = false): Promise<T> {
    const connection = await this.acquire();
    try {
      const result = await work(connection);
      this.release(connection);
      return result;
    } catch (error) {
      this.release(connection);
      if (retryOnClosed && error instanceof Sip2TransportError && error.failure === 'closed') {
        // The server dropped this one (an idle timeout or a restart): the other idle ones likely
        // went with it, so the retry opens a new connection.
        for (const idle of this.idle.splice(0)) idle.close();
        return this.run(work, false);
      }
      throw error;
    }
  }

  close(): void {
    this.closed = true;
    for (const connection of this.idle.splice(0)) connection.close();
    for (const wake of this.waiting.splice(0)) wake(undefined);
  }

  private async acquire(): Promise<Sip2Connection> {
    if (this.closed) throw new Sip2TransportError('closed', 'the SIP2 pool is closed');
    for (;;) {
      const connection = this.idle.pop();
      if (!connection) break;
      if (!connection.closed) return connection;
    }
    if (this.open < this.options.size) return this.create();
    const handed = await new Promise<Sip2Connection | undefined>((resolve) => this.waiting.push(resolve));
    if (handed) return handed;
    if (this.closed) throw new Sip2TransportError('closed', 'the SIP2 pool is closed');
    return this.create();
  }

  private async create(): Promise<Sip2Connection> {
    this.open += 1;
    try {
      if (this.failuresInARow > 0) {
        const { initialMs, maxMs } = this.options.backoff ?? { initialMs: 100, maxMs: 5000 };
        const delay = Math.min(maxMs, initialMs * 2 ** (this.failuresInARow - 1));
        await (this.options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))))(delay);
      }
      const connection = await this.options.connect();
      this.failuresInARow = 0;
      connection.onClose(() => this.forget(connection));
      return connection;
    } catch (error) {
      this.failuresInARow += 1;
      this.open -= 1;
      this.wakeOne(undefined);
      throw error;
    }
  }

  private forgotten = new WeakSet<Sip2Connection>();

  /** A closed connection no longer counts; someone waiting may open a new one. */
  private forget(connection: Sip2Connection): void {
    if (this.forgotten.has(connection)) return;
    this.forgotten.add(connection);
    this.open -= 1;
    const at = this.idle.indexOf(connection);
    if (at >= 0) this.idle.splice(at, 1);
  }

  private release(connection: Sip2Connection): void {
    if (connection.closed || this.closed) {
      if (!connection.closed) connection.close();
      this.wakeOne(undefined);
      return;
    }
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.idle.push(connection);
  }

  private wakeOne(connection: Sip2Connection | undefined): void {
    const next = this.waiting.shift();
    if (next) next(connection);
  }
}

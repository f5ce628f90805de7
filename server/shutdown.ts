// Graceful shutdown. On SIGTERM the server keeps its port open until the turns in flight have
// finished, because their replies come back to this same server (the built-in Direct Line's
// /v3/conversations routes, and /api/messages for an activity the built-in Direct Line accepted
// before the signal); every other new request gets 503 and `Connection: close`. A turn that fails
// while stopping (a reply path closing under it) keeps its conversation state: the failure is ours,
// not the dialog's.
import { randomBytes } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { Request, Response, Server } from 'restify';

/** Header the built-in Direct Line puts on the activities it hands to the bot (value: a per-process secret). */
export const INTERNAL_TURN_HEADER = 'x-library-bot-internal';

const TRANSPORT_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET']);

function isLoopbackAddress(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** True for an error that came from a connection failing (the reply could not be delivered), not from our logic. */
export function isTransportError(error: unknown): boolean {
  for (let current = error as { code?: unknown; cause?: unknown } | undefined, i = 0; current && i < 5; i++) {
    if (typeof current.code === 'string' && TRANSPORT_ERROR_CODES.has(current.code)) return true;
    current = current.cause as typeof current;
  }
  return false;
}

export interface GracefulShutdownOptions {
  /** How long to wait for turns in flight before closing anyway. */
  drainTimeoutMs?: number;
}

export class GracefulShutdown {
  /** Sent by the built-in Direct Line so its hand-offs of accepted activities still get in while stopping. */
  readonly internalSecret = randomBytes(18).toString('base64url');
  private stoppingNow = false;
  private inFlight = 0;
  private readonly drained: (() => void)[] = [];
  private readonly drainTimeoutMs: number;

  constructor(options: GracefulShutdownOptions = {}) {
    this.drainTimeoutMs = options.drainTimeoutMs ?? 15000;
  }

  get stopping(): boolean {
    return this.stoppingNow;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** State is kept after a failed turn while stopping, or when only the reply's connection failed. */
  keepsStateAfter(error: unknown): boolean {
    return this.stoppingNow || isTransportError(error);
  }

  /** A request that belongs to a turn already in flight: a reply over loopback, or the built-in Direct Line's hand-off. */
  private isPartOfATurn(req: Request): boolean {
    if (!isLoopbackAddress(req.socket?.remoteAddress)) return false;
    if (req.path().startsWith('/v3/conversations/')) return true;
    return req.headers[INTERNAL_TURN_HEADER] === this.internalSecret;
  }

  /** restify `pre` handler: counts requests, and refuses new external ones once stopping. */
  readonly gate = (req: Request, res: Response, next: (error?: false) => void): void => {
    if (this.stoppingNow && !this.isPartOfATurn(req)) {
      res.header('connection', 'close');
      res.header('retry-after', '5');
      res.send(503, { error: 'The bot is restarting; please try again in a moment.' });
      return next(false);
    }
    if (this.stoppingNow) res.header('connection', 'close');
    this.inFlight++;
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      this.inFlight--;
      if (this.inFlight === 0) this.drained.splice(0).forEach((resolve) => resolve());
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };

  /** Registers the gate first among the server's `pre` handlers. */
  install(server: Server): void {
    server.pre(this.gate);
  }

  /**
   * Stops: refuses new external requests, waits for the requests in flight (and so their turns),
   * then closes the port and every connection (`closeUpgraded` ends the WebSockets, which the
   * HTTP server no longer tracks). Resolves at once when idle.
   */
  async stop(httpServer: HttpServer, closeUpgraded: () => void = () => undefined): Promise<void> {
    this.stoppingNow = true;
    httpServer.closeIdleConnections();
    if (this.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.drained.push(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, this.drainTimeoutMs))),
      ]);
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => {
      httpServer.close(() => resolve());
      httpServer.closeAllConnections();
      closeUpgraded();
    });
  }
}

// Rate limits for issuing Direct Line tokens (each one opens a conversation). Token buckets keyed
// by the caller's address, plus one bucket for everyone: 2,100 token requests in 1.7 s once filled
// the conversation table. The page asks for one token per visit, so the limits are far above a patron's.
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../observability/logger';

export interface RateLimit {
  /** Requests allowed at once. */
  burst: number;
  /** Requests allowed per second after that. */
  perSecond: number;
}

export interface TokenRateLimits {
  perClient: RateLimit;
  overall: RateLimit;
}

export const DEFAULT_TOKEN_RATE_LIMITS: TokenRateLimits = {
  perClient: { burst: 150, perSecond: 2 },
  overall: { burst: 600, perSecond: 20 },
};

interface Bucket {
  tokens: number;
  updated: number;
}

/** Token buckets by key; keys idle long enough to be full again are forgotten, so the map stays small. */
export class KeyedRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => number = Date.now,
    private readonly maxKeys = 10000,
  ) {}

  /** 0 when allowed (and counted); otherwise the seconds to wait. */
  take(key: string): number {
    const now = this.clock();
    const bucket = this.refill(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond));
  }

  private refill(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.forgetFull(now);
      bucket = { tokens: this.limit.burst, updated: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.updated) / 1000;
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + elapsed * this.limit.perSecond);
    bucket.updated = now;
    return bucket;
  }

  private forgetFull(now: number): void {
    const fullAfterMs = (this.limit.burst / this.limit.perSecond) * 1000;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.updated >= fullAfterMs) this.buckets.delete(key);
    }
    // Still full of active keys: drop the oldest (a new key then starts with a full bucket, as before).
    if (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
  }
}

/** The caller's address: the socket's peer. Forwarded-for headers are not trusted (anyone can set them). */
export function clientAddress(req: Request): string {
  return req.socket?.remoteAddress ?? 'unknown';
}

/**
 * Limits POSTs to the token-issuing paths. Registered as a `pre` handler so it applies whoever
 * registers the route itself.
 */
export function limitTokenIssuing(
  server: Server,
  options: { paths: string[]; logger: Logger; limits?: TokenRateLimits; clock?: () => number },
): void {
  const limits = options.limits ?? DEFAULT_TOKEN_RATE_LIMITS;
  const perClient = new KeyedRateLimiter(limits.perClient, options.clock);
  const overall = new KeyedRateLimiter(limits.overall, options.clock);
  const paths = new Set(options.paths);
  server.pre((req: Request, res: Response, next: (error?: false) => void) => {
    if (req.method !== 'POST' || !paths.has(req.path())) return next();
    const client = clientAddress(req);
    const wait = perClient.take(client) || overall.take('all');
    if (wait === 0) return next();
    options.logger.warn({ path: req.path(), retryAfter: wait }, 'token requests over the rate limit');
    res.header('retry-after', String(wait));
    res.send(429, { error: 'Too many requests; please wait a moment and try again.' });
    next(false);
  });
}

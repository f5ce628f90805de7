// Where program feeds come from: `file:` paths (relative to the library's YAML) for the demo, and
// http(s) URLs in production, fetched with a conditional GET at most once per refresh interval.
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FeedSource {
  /** For messages: the path or URL. */
  readonly name: string;
  /** The feed's current text (possibly cached). Throws when there is none to give. */
  read(): Promise<string>;
}

/** A local file, re-read only when its modification time changes. */
export class FileFeed implements FeedSource {
  private cached?: { mtimeMs: number; text: string };

  constructor(readonly name: string) {}

  async read(): Promise<string> {
    const info = await stat(this.name);
    if (this.cached && this.cached.mtimeMs === info.mtimeMs) return this.cached.text;
    const text = await readFile(this.name, 'utf8');
    this.cached = { mtimeMs: info.mtimeMs, text };
    return text;
  }
}

export interface HttpFeedOptions {
  refreshMs: number;
  clock?: () => number;
  timeoutMs?: number;
  /** Injected for tests that count requests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/** An http(s) feed: cached, refreshed with If-None-Match / If-Modified-Since, kept when a refresh fails. */
export class HttpFeed implements FeedSource {
  private cached?: { text: string; etag?: string; lastModified?: string; checkedAt: number };
  private inFlight?: Promise<string>;
  private failure?: { at: number; error: Error };
  private readonly clock: () => number;
  private readonly fetch: typeof fetch;

  constructor(
    readonly name: string,
    private readonly options: HttpFeedOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    this.fetch = options.fetch ?? fetch;
  }

  async read(): Promise<string> {
    if (this.cached && this.clock() - this.cached.checkedAt < this.options.refreshMs) return this.cached.text;
    // A feed that is down and was never read: do not make every patron wait for the timeout again.
    if (
      !this.cached &&
      this.failure &&
      this.clock() - this.failure.at < Math.min(this.options.refreshMs, 60_000)
    ) {
      throw this.failure.error;
    }
    // Concurrent turns share one request instead of each fetching the feed.
    this.inFlight ??= this.refresh().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async refresh(): Promise<string> {
    const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5' };
    if (this.cached?.etag) headers['if-none-match'] = this.cached.etag;
    if (this.cached?.lastModified) headers['if-modified-since'] = this.cached.lastModified;
    try {
      const response = await this.fetch(this.name, {
        headers,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      });
      if (response.status === 304 && this.cached) {
        this.cached.checkedAt = this.clock();
        return this.cached.text;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const text = await response.text();
      this.cached = {
        text,
        etag: response.headers.get('etag') ?? undefined,
        lastModified: response.headers.get('last-modified') ?? undefined,
        checkedAt: this.clock(),
      };
      return text;
    } catch (error) {
      // A feed that is down for a while should not empty the program list: keep the last good copy.
      if (this.cached) {
        this.cached.checkedAt = this.clock();
        return this.cached.text;
      }
      const failure = new Error(
        `program feed ${this.name} could not be fetched: ${(error as Error).message}`,
      );
      this.failure = { at: this.clock(), error: failure };
      throw failure;
    }
  }
}

/** Turns the configuration's feed entries into sources; `file:` paths resolve against the YAML's folder. */
export function feedSources(
  feeds: readonly string[],
  configDirectory: string,
  options: { refreshMinutes: number; clock?: () => number; fetch?: typeof fetch },
): FeedSource[] {
  return feeds.map((feed) => {
    if (/^https?:\/\//i.test(feed)) {
      return new HttpFeed(feed, {
        refreshMs: options.refreshMinutes * 60_000,
        clock: options.clock,
        fetch: options.fetch,
      });
    }
    if (feed.startsWith('file://')) return new FileFeed(fileURLToPath(feed));
    const path = feed.startsWith('file:') ? feed.slice('file:'.length) : feed;
    return new FileFeed(isAbsolute(path) ? path : resolve(configDirectory, path));
  });
}

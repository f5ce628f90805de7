// A reusable load driver for Bot Framework bots, used by bench/load.ts (and by the storage
// benchmarks with another state provider). It speaks the real wire formats only:
// - /api/messages, as a channel posts activities, with the replies caught by a loopback Bot
//   Connector (an HTTP server answering 200 on /v3/conversations/...);
// - the built-in Direct Line 3.0 as Web Chat uses it (token, conversation, WebSocket stream).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { npmStartCommand } from './startCommand';

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** One keep-alive pool for the whole run, as a channel's servers keep connections open. */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/**
 * One POST; retried when a kept-alive connection turns out to have been closed by the server just
 * as it was reused (the race Node's documentation describes for `reusedSocket`).
 */
async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await postOnce(url, body, headers);
    } catch (error) {
      // Several pooled connections may have gone stale at once: try again while that is the reason.
      if ((error as { reusedSocket?: boolean }).reusedSocket && attempt < 5) continue;
      throw new Error(`POST ${new URL(url).pathname}: ${(error as Error).message}`, { cause: error });
    }
  }
}

function postOnce(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', (error: Error & { reusedSocket?: boolean }) => {
      error.reusedSocket = req.reusedSocket;
      reject(error);
    });
    req.end(body);
  });
}

/** The loopback Bot Connector: answers 200 to every reply and counts them per activity replied to. */
export class ReplyConnector {
  private server: Server | undefined;
  /** Replies by `${conversationId}|${replyToId}`: their texts. */
  readonly replies = new Map<string, string[]>();
  total = 0;
  serviceUrl = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
        if (match) {
          let text = '';
          try {
            const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              text?: string;
              replyToId?: string;
            };
            text = activity.text ?? JSON.stringify(activity).slice(0, 80);
            const key = `${decodeURIComponent(match[1])}|${activity.replyToId ?? decodeURIComponent(match[2] ?? '')}`;
            const list = this.replies.get(key) ?? [];
            list.push(text);
            this.replies.set(key, list);
            this.total++;
          } catch {
            // not JSON: still answered, never counted
          }
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"id":"r${this.total}"}`);
      });
    });
    this.server.keepAliveTimeout = 30000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }
}

export interface Turn {
  conversation: number;
  turn: number;
}

/** The text a conversation sends on a turn. */
export type Script = (turn: Turn) => string;

export interface MessagesTarget {
  /** The bot's /api/messages. */
  messagesUrl: string;
  connector: ReplyConnector;
  /** Prefix for conversation ids, so two phases never share a conversation. */
  run: string;
}

export interface LoadResult extends LatencySummary {
  turns: number;
  seconds: number;
  turnsPerSecond: number;
  failed: number;
  /** Turns whose reply never reached the connector. */
  lost: number;
  /** Turns that got the same reply text twice. */
  duplicated: number;
}

let activitySequence = 0;

/** Posts one message activity as a channel does; resolves with the HTTP status when the bot has answered. */
export async function postTurn(
  target: MessagesTarget,
  turn: Turn,
  text: string,
): Promise<{ status: number; key: string }> {
  const conversationId = `${target.run}-${turn.conversation}`;
  const id = `m${++activitySequence}`;
  const activity = {
    type: 'message',
    id,
    text,
    channelId: 'webchat',
    serviceUrl: target.connector.serviceUrl,
    timestamp: new Date().toISOString(),
    conversation: { id: conversationId },
    from: { id: `patron-${turn.conversation}`, name: 'Patron' },
    recipient: { id: 'bot', name: 'Library bot' },
    locale: 'en-US',
  };
  const answer = await post(target.messagesUrl, JSON.stringify(activity));
  return { status: answer.status, key: `${conversationId}|${id}` };
}

function result(
  latencies: number[],
  seconds: number,
  failed: number,
  keys: string[],
  connector: ReplyConnector,
): LoadResult {
  let lost = 0;
  let duplicated = 0;
  for (const key of keys) {
    const texts = connector.replies.get(key);
    if (!texts || texts.length === 0) lost++;
    else if (new Set(texts).size < texts.length) duplicated++;
  }
  return {
    ...summarize(latencies),
    turns: latencies.length,
    seconds,
    turnsPerSecond: latencies.length / seconds,
    failed,
    lost,
    duplicated,
  };
}

interface ClosedLoopTurns {
  latencies: number[];
  keys: string[];
  failed: number;
  seconds: number;
}

async function runClosedLoop(
  targets: MessagesTarget[],
  options: { conversations: number; durationMs: number; script: Script },
  into: ClosedLoopTurns,
): Promise<void> {
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.conversations }, async (_, conversation) => {
      for (let turn = 0; performance.now() < deadline; turn++) {
        const target = targets[turn % targets.length];
        const t0 = performance.now();
        try {
          const { status, key } = await postTurn(
            target,
            { conversation, turn },
            options.script({ conversation, turn }),
          );
          into.latencies.push(performance.now() - t0);
          into.keys.push(key);
          if (status >= 300) into.failed++;
        } catch {
          into.failed++;
        }
      }
    }),
  );
  into.seconds += (performance.now() - started) / 1000;
}

const noTurns = (): ClosedLoopTurns => ({ latencies: [], keys: [], failed: 0, seconds: 0 });

/** Replies still on their way when a loop ends are counted, not lost. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

/**
 * `conversations` patrons, each sending its next message as soon as the previous one is answered.
 * Given several bot instances, each conversation's turn n goes to instance n mod their number.
 */
export async function closedLoop(
  to: MessagesTarget | MessagesTarget[],
  options: { conversations: number; durationMs: number; script: Script },
): Promise<LoadResult> {
  const targets = Array.isArray(to) ? to : [to];
  const turns = noTurns();
  await runClosedLoop(targets, options, turns);
  await settle();
  return result(turns.latencies, turns.seconds, turns.failed, turns.keys, targets[0].connector);
}

/**
 * The closed loop on two bots in turn, `windows` short windows each, so that both are measured over
 * the same stretch of the machine's time: on a shared machine the speed drifts by a third within a
 * minute, and a ratio of two runs a minute apart measured the drift as much as the bots. Returns both
 * results and each window pair's ratio (second to first), to show the spread.
 */
export async function alternatingClosedLoops(
  first: MessagesTarget,
  second: MessagesTarget,
  options: { conversations: number; windowMs: number; windows: number; script: Script },
): Promise<{ first: LoadResult; second: LoadResult; windowRatios: number[] }> {
  const totals = [noTurns(), noTurns()];
  const windowRatios: number[] = [];
  const loop = { conversations: options.conversations, durationMs: options.windowMs, script: options.script };
  for (let window = 0; window < options.windows; window++) {
    const before = totals.map((t) => ({ turns: t.latencies.length, seconds: t.seconds }));
    await runClosedLoop([first], loop, totals[0]);
    await runClosedLoop([second], loop, totals[1]);
    const [a, b] = totals.map(
      (t, i) => (t.latencies.length - before[i].turns) / (t.seconds - before[i].seconds),
    );
    windowRatios.push(b / a);
  }
  await settle();
  const [a, b] = totals;
  return {
    first: result(a.latencies, a.seconds, a.failed, a.keys, first.connector),
    second: result(b.latencies, b.seconds, b.failed, b.keys, second.connector),
    windowRatios,
  };
}

/**
 * Turns offered at a fixed rate whatever the bot does (latency counted from when each turn was due,
 * so a slow bot cannot hide its queue), spread over `conversations` patrons.
 */
export async function openLoop(
  target: MessagesTarget,
  options: { ratePerSecond: number; durationMs: number; conversations: number; script: Script },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const keys: string[] = [];
  const pending: Promise<void>[] = [];
  const turnOf = new Array<number>(options.conversations).fill(0);
  let failed = 0;
  const total = Math.round((options.ratePerSecond * options.durationMs) / 1000);
  const interval = 1000 / options.ratePerSecond;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const conversation = i % options.conversations;
    const turn = { conversation, turn: turnOf[conversation]++ };
    pending.push(
      postTurn(target, turn, options.script(turn)).then(
        ({ status, key }) => {
          latencies.push(performance.now() - due);
          keys.push(key);
          if (status >= 300) failed++;
        },
        () => {
          failed++;
        },
      ),
    );
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  await settle();
  return result(latencies, seconds, failed, keys, target.connector);
}

export interface DirectLineResult extends LatencySummary {
  turns: number;
  seconds: number;
  turnsPerSecond: number;
  /** Messages that got no reply within the timeout. */
  lost: number;
  /** Activities that arrived twice on a stream. */
  duplicated: number;
  /** Longest time the whole run went without any reply while turns were waiting. */
  longestStallMs: number;
  /** What went wrong, for the lost ones (status and body, or the error). */
  failures: string[];
}

interface StreamedActivity {
  id?: string;
  replyToId?: string;
  from?: { id?: string };
}

/**
 * `conversations` Web Chat users on the built-in Direct Line, each sending `turns` messages, one
 * after the reply to the previous (read from the WebSocket stream, as Web Chat reads it).
 */
export async function directLineLoad(
  baseUrl: string,
  options: { conversations: number; turns: number; script: Script; replyTimeoutMs?: number },
): Promise<DirectLineResult> {
  const timeout = options.replyTimeoutMs ?? 10000;
  const latencies: number[] = [];
  let lost = 0;
  let duplicated = 0;
  const failures: string[] = [];
  let lastReplyAt = performance.now();
  let longestStall = 0;
  let waiting = 0;
  const noteReply = () => {
    const now = performance.now();
    if (waiting > 0) longestStall = Math.max(longestStall, now - lastReplyAt);
    lastReplyAt = now;
  };
  const started = performance.now();

  await Promise.all(
    Array.from({ length: options.conversations }, async (_, conversation) => {
      let answered = 0;
      try {
        const session = JSON.parse((await post(`${baseUrl}/api/directline/token`, '{}')).body) as {
          token: string;
          conversationId: string;
          userId: string;
        };
        const auth = { authorization: `Bearer ${session.token}` };
        const opened = JSON.parse((await post(`${baseUrl}/v3/directline/conversations`, '', auth)).body) as {
          streamUrl: string;
        };
        const socket = new WebSocket(opened.streamUrl);
        const seen = new Set<string>();
        // Replies usually reach the stream before the POST is answered (the bot's turn runs first).
        const repliedTo = new Set<string>();
        const replyWaiters = new Map<string, () => void>();
        socket.on('message', (data) => {
          const frame = JSON.parse(String(data)) as { activities?: StreamedActivity[] };
          for (const activity of frame.activities ?? []) {
            if (activity.id && seen.has(activity.id)) duplicated++;
            if (activity.id) seen.add(activity.id);
            if (activity.from?.id === session.userId || !activity.replyToId) continue;
            if (!repliedTo.has(activity.replyToId)) noteReply();
            repliedTo.add(activity.replyToId);
            replyWaiters.get(activity.replyToId)?.();
          }
        });
        await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
        for (let turn = 0; turn < options.turns; turn++) {
          const text = options.script({ conversation, turn });
          const t0 = performance.now();
          if (waiting++ === 0) lastReplyAt = t0;
          const sent = await post(
            `${baseUrl}/v3/directline/conversations/${session.conversationId}/activities`,
            JSON.stringify({ type: 'message', text, from: { id: session.userId } }),
            auth,
          );
          const id = sent.status === 200 ? (JSON.parse(sent.body) as { id: string }).id : undefined;
          if (!id) failures.push(`POST answered ${sent.status}: ${sent.body.slice(0, 100)}`);
          const replied =
            id !== undefined &&
            (await new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(false), timeout);
              if (repliedTo.has(id)) {
                clearTimeout(timer);
                resolve(true);
                return;
              }
              replyWaiters.set(id, () => {
                clearTimeout(timer);
                resolve(true);
              });
            }));
          waiting--;
          if (id) replyWaiters.delete(id);
          if (replied) latencies.push(performance.now() - t0);
          else lost++;
          answered++;
        }
        socket.close();
      } catch (error) {
        // A conversation that broke off: every turn it did not get to is a lost reply.
        lost += options.turns - answered;
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    ...summarize(latencies),
    turns: options.conversations * options.turns,
    seconds,
    turnsPerSecond: latencies.length / seconds,
    lost,
    duplicated,
    longestStallMs: longestStall,
    failures,
  };
}

/**
 * How `npm start` runs the bot, and so how both bots run here (read from package.json):
 * - the old generation capped at 256 MB. Uncapped, V8 let garbage from a burst of slow concurrent
 *   turns pile up to 550 MB of RSS and kept it while idle; the live set after the Direct Line run is
 *   about 100 MB;
 * - one V8 helper thread (`--v8-pool-size=1`). With the default four on two cores, the garbage
 *   collector's helpers took the core the bot's own thread needed every time it marked the old
 *   generation (about every 2 s at 200 turns/s): turns waited up to 85 ms, p99 42-80 ms; with one,
 *   p99 10-21 ms in the same runs;
 * - young generation semi-spaces of 8 MB, not 16: with one helper, pages freed after a burst are
 *   given back later, and RSS after the load run rose to 323-355 MB; with 8 MB it is about 320 MB,
 *   p99 at 200 turns/s 9-10 ms, for a few per cent of throughput (more, shorter scavenges);
 * - glibc's malloc limited to two arenas: with one arena per thread, memory freed after a burst
 *   stayed resident (RSS after the load run 368 MB, with two 288 MB).
 */
const START = npmStartCommand();
export const BOT_NODE_OPTIONS = START.nodeOptions;
export const BOT_ENVIRONMENT = START.environment;

/** A bot in a child process (bench/support/serveBot.js), so its CPU time and RSS are its own. */
export class BotProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /** `script` another serving script in this folder (serveBlobsBot.js), with its arguments. */
  static async start(
    kind: 'echo' | 'library',
    nodeOptions: string[] = [],
    script: string[] = kind === 'echo' ? ['serveEchoBot.js'] : ['serveBot.js', kind],
  ): Promise<BotProcess> {
    const [file, ...args] = script;
    const child = spawn(
      process.execPath,
      [...BOT_NODE_OPTIONS, ...nodeOptions, `${__dirname}/${file}`, ...args],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, ...BOT_ENVIRONMENT },
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /READY (\S+)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`${kind} bot exited with ${code}`)));
    });
    return new BotProcess(child, url);
  }

  /** Resident set size in MB, from /proc. */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : NaN;
  }

  /** CPU seconds the bot has used so far, from /proc (user + system). */
  cpuSeconds(): number {
    const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

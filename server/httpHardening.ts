// Request screening that every route shares, before any handler sees a body: JSON only, nesting
// bounded (a 100,000-deep `[` once broke every JSON.stringify of the conversation's history), and in
// local mode only loopback host names (a DNS-rebinding page cannot reach the bot through its own name).
// Also the logger restify itself writes with, so its request dumps never carry a Bearer token.
import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../observability/logger';

/** Deeper than any activity or Adaptive Card we send or accept (cards nest about 15 levels). */
export const MAX_JSON_DEPTH = 64;

/** True when a parsed JSON value nests deeper than `limit`; iterative, so a deep value cannot overflow the stack. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (depth > limit) return true;
    const children = Array.isArray(current) ? current : Object.values(current as Record<string, unknown>);
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/** A Host header naming this machine's loopback interface (any port). */
export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return req.headers['transfer-encoding'] !== undefined;
}

function isDirectLinePath(path: string): boolean {
  return path.startsWith('/v3/');
}

function refuse(req: Request, res: Response, status: number, code: string, message: string): void {
  // Direct Line clients read `{error: {code, message}}`; everything else gets the generic shape.
  res.send(status, isDirectLinePath(req.path()) ? { error: { code, message } } : { error: message });
}

export interface HardeningOptions {
  logger: Logger;
  /** Local mode: the bot answers only requests addressed to a loopback name (or the configured public host). */
  localMode: boolean;
  /** Extra host names accepted in local mode (the host of PUBLIC_URL, e.g. a tunnel in front of a laptop). */
  extraHosts?: string[];
}

/**
 * Registers the shared screening. Call it right after the body parser is added, so the host and
 * content-type checks run before any body is read and the depth check right after it is parsed.
 */
export function hardenServer(server: Server, options: HardeningOptions): void {
  const log = options.logger;
  const extraHosts = new Set((options.extraHosts ?? []).map((host) => host.toLowerCase()));

  server.pre((req: Request, res: Response, next: (error?: false) => void) => {
    const host = req.headers.host;
    if (options.localMode && !isLoopbackHost(host) && !extraHosts.has((host ?? '').toLowerCase())) {
      log.warn(
        { method: req.method, path: req.path() },
        'refused a request addressed to a foreign host name',
      );
      refuse(req, res, 403, 'Forbidden', 'Forbidden');
      return next(false);
    }
    // Only JSON bodies: a cross-site form (urlencoded, multipart, text/plain) cannot be sent as JSON
    // without a CORS preflight, which this server never grants.
    if ((req.method === 'POST' || req.method === 'PUT') && hasBody(req)) {
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') {
        log.warn(
          { method: req.method, path: req.path(), contentType: type },
          'refused a body that is not JSON',
        );
        refuse(req, res, 415, 'UnsupportedMediaType', 'Send the body as application/json');
        return next(false);
      }
    }
    next();
  });

  server.use((req: Request, res: Response, next: (error?: false) => void) => {
    if (nestsDeeperThan(req.body, MAX_JSON_DEPTH)) {
      log.warn({ method: req.method, path: req.path() }, 'refused a JSON body nested too deeply');
      refuse(req, res, 400, 'BadArgument', 'Bad request');
      return next(false);
    }
    next();
  });
}

/**
 * The logger restify writes its own lines with (formatter failures, discarded values): ours, with
 * the request reduced to method and path, so a header or query token never reaches a log.
 */
export function restifyLogger(logger: Logger): Logger {
  const request = (req: { method?: string; url?: string } | undefined) =>
    req && typeof req === 'object' ? { method: req.method, path: (req.url ?? '').split('?')[0] } : req;
  return logger.child({ component: 'http' }, { serializers: { req: request } });
}

/**
 * Socket-level faults (a reset mid-request, garbage before the request line) are answered or
 * dropped here, never thrown: Node's default handler is fine, but an unhandled 'error' event on a
 * socket ends the process.
 */
export function guardSockets(httpServer: HttpServer, logger: Logger): void {
  httpServer.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    logger.debug({ code: error.code }, 'dropped a malformed or broken connection');
    if (socket.writable && !socket.destroyed)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  httpServer.on('connection', (socket: Socket) => {
    socket.on('error', (error: NodeJS.ErrnoException) =>
      logger.debug({ code: error.code }, 'a connection failed'),
    );
  });
}

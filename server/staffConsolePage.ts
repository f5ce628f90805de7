// The built-in staff console: GET /staff (Web Chat on the built-in Direct Line) and the token
// endpoint that checks the staff passcode and opens a console conversation registered for staff.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { pageColours } from '../config/colourContrast';
import type { LibraryConfig } from '../config/libraryConfig';
import type { ConsoleSessions } from '../library/handoff';
import { SignInThrottle } from '../library/handoff/consoleSessions';
import type { Logger } from '../observability/logger';
import type { DirectLineConversations } from './directLine/directLineConversations';
import { openSessionOrRefuse } from './directLine/directLineRoutes';
import { clientAddress, KeyedRateLimiter } from './directLine/tokenRateLimit';

const WEB_DIR = join(__dirname, '..', '..', 'web');

export interface StaffConsoleOptions {
  config: LibraryConfig;
  logger: Logger;
  conversations: DirectLineConversations;
  consoles: ConsoleSessions;
  now?: () => Date;
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CLIENT_COOKIE = 'staff_client';
const CLIENT_COOKIE_VALUE = /(?:^|;\s*)staff_client=([\w-]+)\.([\w-]+)/;

/**
 * Who is trying the passcode: the caller's address plus a signed client id that GET /staff hands
 * each browser (at most ten new ids per address in ten minutes, so a guesser cannot mint itself
 * fresh allowances). Without a valid id a request counts as the address's anonymous client.
 */
class StaffClients {
  private readonly key = randomBytes(32);
  private readonly minting: KeyedRateLimiter;

  constructor(now: () => number) {
    this.minting = new KeyedRateLimiter({ burst: 10, perSecond: 10 / 600 }, now);
  }

  private sign(id: string): string {
    return createHmac('sha256', this.key).update(id).digest('base64url');
  }

  /** A Set-Cookie value for a browser that has no valid client id yet, or undefined. */
  cookieFor(req: Request): string | undefined {
    if (this.idOf(req) || this.minting.take(clientAddress(req)) > 0) return undefined;
    const id = randomBytes(12).toString('base64url');
    return `${CLIENT_COOKIE}=${id}.${this.sign(id)}; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=43200`;
  }

  private idOf(req: Request): string | undefined {
    const match = CLIENT_COOKIE_VALUE.exec(req.headers.cookie ?? '');
    if (!match) return undefined;
    const expected = Buffer.from(this.sign(match[1]));
    const given = Buffer.from(match[2]);
    return given.length === expected.length && timingSafeEqual(given, expected) ? match[1] : undefined;
  }

  /** The throttle's key for this request. */
  clientOf(req: Request): string {
    return `${clientAddress(req)}|${this.idOf(req) ?? 'anonymous'}`;
  }
}

export function registerStaffConsole(server: Server, options: StaffConsoleOptions): void {
  const { config, logger } = options;
  const now = options.now ?? (() => new Date());
  const settings = {
    libraryName: config.library.name,
    colours: pageColours(config.library.colours),
    tokenUrl: '/staff/token',
  };
  const page = readFileSync(join(WEB_DIR, 'staff.html'), 'utf8')
    .replace(/\{\{libraryName\}\}/g, escapeHtml(config.library.name))
    .replace('{{settingsJson}}', JSON.stringify(settings).replace(/</g, '\\u003c'));
  const script = readFileSync(join(WEB_DIR, 'staff.js'));
  const throttle = new SignInThrottle(() => now().getTime());
  const clients = new StaffClients(() => now().getTime());

  server.get('/staff', async (req: Request, res: Response) => {
    const cookie = clients.cookieFor(req);
    if (cookie) res.setHeader('set-cookie', cookie);
    res.writeHead(200, PAGE_HEADERS);
    res.end(page);
  });
  server.get('/staff.js', async (_req: Request, res: Response) => {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(script);
  });

  server.post('/staff/token', async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as { name?: unknown; passcode?: unknown };
    const passcode = typeof body.passcode === 'string' ? body.passcode : '';
    const name = typeof body.name === 'string' ? body.name : '';
    const client = clients.clientOf(req);
    const waitMs = throttle.lockedFor(client);
    if (waitMs > 0) {
      logger.warn('a staff console sign-in was refused: too many wrong passcodes from this client');
      res.header('retry-after', String(Math.ceil(waitMs / 1000)));
      res.send(429, { error: 'Too many tries; wait and try again' });
      return;
    }
    if (!options.consoles.verify(passcode)) {
      throttle.failed(client);
      logger.warn('a staff console sign-in was refused');
      res.send(403, { error: 'Not allowed' });
      return;
    }
    throttle.succeeded(client);
    const session = openSessionOrRefuse(options.conversations, res, logger, {
      userId: `staff_${randomBytes(12).toString('base64url')}`,
    });
    if (!session) return;
    const member = await options.consoles.register(`directline:${session.conversationId}`, name, now());
    logger.info({ staffId: member.id }, 'a staff console opened');
    res.send(200, session);
  });
}

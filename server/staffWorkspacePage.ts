// The staff workspace: GET /staff (the page), its script and styles, and POST /staff/token, which
// opens a Direct Line conversation for one workspace window and registers it for the signed-in staff
// member. Sign-in is the passcode in local mode only (checked here, with a per-client throttle) or
// Microsoft Entra ID (server/staffSignInRoutes.ts); either ends in the signed session cookie, and
// only a request carrying that cookie gets a window. Nothing the page says makes it staff.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { pageColours } from '../config/colourContrast';
import type { LibraryConfig } from '../config/libraryConfig';
import type { ConsoleSessions } from '../library/handoff';
import { passcodeMember, SignInThrottle } from '../library/handoff/consoleSessions';
import type { StaffSignIn } from '../library/handoff/staffSignIn';
import type { Logger } from '../observability/logger';
import type { DirectLineConversations } from './directLine/directLineConversations';
import { openSessionOrRefuse } from './directLine/directLineRoutes';
import { clientAddress, KeyedRateLimiter } from './directLine/tokenRateLimit';
import type { StaffCookies, StaffSession } from './staffCookies';
import { registerStaffSignIn } from './staffSignInRoutes';
import { exchangeDirectLineSecret } from './webChatPage';

const WEB_DIR = join(__dirname, '..', '..', 'web');

/** Where workspace windows get their conversations: the built-in Direct Line, or Azure's with the secret. */
export type WorkspaceDirectLine =
  { conversations: DirectLineConversations } | { endpoint: string; secret: string };

export interface StaffWorkspaceOptions {
  config: LibraryConfig;
  logger: Logger;
  consoles: ConsoleSessions;
  cookies: StaffCookies;
  /** Local mode: the passcode opens the workspace. */
  passcode: boolean;
  /** Entra ID sign-in, when configured. */
  entra?: StaffSignIn;
  directLine: WorkspaceDirectLine;
  now?: () => Date;
}

/** What a window needs to connect (the token endpoint's answer). */
interface WorkspaceWindow {
  token: string;
  conversationId: string;
  userId: string;
  domain: string;
  expires_in?: number;
  name: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pageHeaders(directLine: WorkspaceDirectLine): Record<string, string> {
  // Production windows talk to Azure's Direct Line (HTTPS and its WebSocket stream) directly.
  const origin = 'endpoint' in directLine ? new URL(directLine.endpoint).origin : '';
  const connect = origin ? `'self' ${origin} ${origin.replace(/^http/, 'ws')}` : "'self'";
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
      `connect-src ${connect}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
  };
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

/** The page's settings: how to sign in, and the canned answers (the page never sees a secret). */
function pageSettings(options: StaffWorkspaceOptions): Record<string, unknown> {
  const { config } = options;
  return {
    libraryName: config.library.name,
    colours: pageColours(config.library.colours),
    tokenUrl: '/staff/token',
    signOutUrl: '/staff/sign-out',
    signIn: { passcode: options.passcode, entra: options.entra ? '/staff/sign-in' : undefined },
    cannedAnswers: config.staff.cannedAnswers,
  };
}

export function registerStaffWorkspace(server: Server, options: StaffWorkspaceOptions): void {
  const now = options.now ?? (() => new Date());
  const page = readFileSync(join(WEB_DIR, 'staff.html'), 'utf8')
    .replace(/\{\{libraryName\}\}/g, escapeHtml(options.config.library.name))
    .replace('{{settingsJson}}', JSON.stringify(pageSettings(options)).replace(/</g, '\\u003c'));
  const headers = pageHeaders(options.directLine);
  const clients = new StaffClients(() => now().getTime());

  server.get('/staff', async (req: Request, res: Response) => {
    const cookie = options.passcode ? clients.cookieFor(req) : undefined;
    if (cookie) res.setHeader('set-cookie', cookie);
    res.writeHead(200, headers);
    res.end(page);
  });
  const directLineBundle = join(dirname(require.resolve('botframework-directlinejs')), '..', 'dist');
  serveFile(server, '/staff.js', join(WEB_DIR, 'staff.js'), 'text/javascript; charset=utf-8');
  serveFile(server, '/staff.css', join(WEB_DIR, 'staff.css'), 'text/css; charset=utf-8');
  serveFile(
    server,
    '/directline.js',
    join(directLineBundle, 'directline.js'),
    'text/javascript; charset=utf-8',
  );
  registerTokenRoute(server, options, clients, now);
  server.post('/staff/sign-out', async (_req: Request, res: Response) => {
    res.setHeader('set-cookie', options.cookies.clearSession());
    res.send(204);
  });
  if (options.entra) registerStaffSignIn(server, { ...options, entra: options.entra, now });
}

function serveFile(server: Server, path: string, file: string, contentType: string): void {
  const body = readFileSync(file);
  server.get(path, async (_req: Request, res: Response) => {
    res.writeHead(200, {
      'content-type': contentType,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  });
}

/**
 * POST /staff/token: a new workspace window for the session's staff member. `{ name, passcode }`
 * (local mode) signs in first and sets the session cookie; `{}` uses the cookie (a reload).
 */
function registerTokenRoute(
  server: Server,
  options: StaffWorkspaceOptions,
  clients: StaffClients,
  now: () => Date,
): void {
  const throttle = new SignInThrottle(() => now().getTime());
  server.post('/staff/token', async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as { name?: unknown; passcode?: unknown };
    let session = options.cookies.readSession(req.headers.cookie, now());
    let setCookie: string | undefined;
    if (typeof body.passcode === 'string') {
      const client = clients.clientOf(req);
      if (!passcodeAccepted(options, throttle, client, body.passcode, res)) return;
      const name = typeof body.name === 'string' ? body.name : '';
      ({ cookie: setCookie, session } = options.cookies.session(passcodeMember(name), 'passcode', now()));
    }
    // A passcode session never opens a production workspace, even under the same secret.
    if (session?.via === 'passcode' && !options.passcode) session = undefined;
    if (session?.via === 'entra' && !(await stillStaff(options, session))) session = undefined;
    if (!session) {
      res.send(401, { error: 'Please sign in' });
      return;
    }
    const window = await openWindow(options, res, session, now());
    if (!window) return;
    if (setCookie) res.setHeader('set-cookie', setCookie);
    res.send(200, window);
  });
}

/** Checks a passcode with the per-client throttle; answers 403 or 429 itself when it is refused. */
function passcodeAccepted(
  options: StaffWorkspaceOptions,
  throttle: SignInThrottle,
  client: string,
  passcode: string,
  res: Response,
): boolean {
  const waitMs = throttle.lockedFor(client);
  if (waitMs > 0) {
    options.logger.warn('a staff workspace sign-in was refused: too many wrong passcodes from this client');
    res.header('retry-after', String(Math.ceil(waitMs / 1000)));
    res.send(429, { error: 'Too many tries; wait and try again' });
    return false;
  }
  if (!options.passcode || !options.consoles.verify(passcode)) {
    throttle.failed(client);
    options.logger.warn('a staff workspace sign-in was refused');
    res.send(403, { error: 'Not allowed' });
    return false;
  }
  throttle.succeeded(client);
  return true;
}

/** Someone removed from the staff group loses the workspace at the next window they open. */
async function stillStaff(options: StaffWorkspaceOptions, session: StaffSession): Promise<boolean> {
  return options.entra ? options.entra.isStaff(session.member.id) : false;
}

/** Opens the window's Direct Line conversation and registers it for the staff member until the session ends. */
async function openWindow(
  options: StaffWorkspaceOptions,
  res: Response,
  session: StaffSession,
  now: Date,
): Promise<WorkspaceWindow | undefined> {
  const userId = `dl_staff_${randomBytes(12).toString('base64url')}`;
  let window: Omit<WorkspaceWindow, 'name'>;
  if ('conversations' in options.directLine) {
    const local = openSessionOrRefuse(options.directLine.conversations, res, options.logger, { userId });
    if (!local) return undefined;
    window = local;
  } else {
    const { endpoint, secret } = options.directLine;
    try {
      const exchanged = await exchangeDirectLineSecret(endpoint, secret, userId);
      if (!exchanged.conversationId) throw new Error('Direct Line sent no conversation id');
      window = {
        ...exchanged,
        conversationId: exchanged.conversationId,
        domain: `${endpoint}/v3/directline`,
      };
    } catch (error) {
      options.logger.error({ err: error }, 'could not get a Direct Line token for a staff workspace');
      res.send(502, { error: 'The workspace cannot connect right now' });
      return undefined;
    }
  }
  await options.consoles.register(
    `directline:${window.conversationId}`,
    session.member,
    now,
    session.expires,
  );
  options.logger.info({ staffId: session.member.id, via: session.via }, 'a staff workspace window opened');
  return { ...window, name: session.member.name };
}

// The built-in staff console: GET /staff (Web Chat on the built-in Direct Line) and the token
// endpoint that checks the staff passcode and opens a console conversation registered for staff.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { pageColours } from '../config/colourContrast';
import type { LibraryConfig } from '../config/libraryConfig';
import type { ConsoleSessions } from '../library/handoff';
import type { Logger } from '../observability/logger';
import type { DirectLineConversations } from './directLine/directLineConversations';

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

/** Wrong passcodes: five in a minute lock the endpoint for a minute (one shared lock, fail closed). */
class PasscodeThrottle {
  private failures: number[] = [];
  constructor(private readonly now: () => number) {}
  locked(): boolean {
    const cutoff = this.now() - 60000;
    this.failures = this.failures.filter((t) => t > cutoff);
    return this.failures.length >= 5;
  }
  failed(): void {
    this.failures.push(this.now());
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
  const throttle = new PasscodeThrottle(() => now().getTime());

  server.get('/staff', async (_req: Request, res: Response) => {
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
    if (throttle.locked() || !options.consoles.verify(passcode)) {
      throttle.failed();
      logger.warn('a staff console sign-in was refused');
      res.send(403, { error: 'Not allowed' });
      return;
    }
    const session = options.conversations.openSession({
      userId: `staff_${randomBytes(12).toString('base64url')}`,
    });
    const member = await options.consoles.register(`directline:${session.conversationId}`, name, now());
    logger.info({ staffId: member.id }, 'a staff console opened');
    res.send(200, session);
  });
}

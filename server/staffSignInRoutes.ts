// Staff sign-in with Microsoft Entra ID: GET /staff/sign-in sends the browser to Entra ID (with the
// pending sign-in sealed in a cookie), and GET /staff/signed-in, the redirect URI, finishes it and
// sets the session cookie. Either may run on any instance of the bot.
import type { Request, Response, Server } from 'restify';
import type { StaffSignIn, StaffSignInResult } from '../library/handoff/staffSignIn';
import type { Logger } from '../observability/logger';
import type { StaffCookies } from './staffCookies';

export const STAFF_REDIRECT_PATH = '/staff/signed-in';

export interface StaffSignInRouteOptions {
  entra: StaffSignIn;
  cookies: StaffCookies;
  logger: Logger;
  config: { library: { name: string } };
  now: () => Date;
}

function page(title: string, text: string): string {
  const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" ` +
    `content="width=device-width, initial-scale=1"><title>${escape(title)}</title>` +
    `<link rel="stylesheet" href="/chat.css"><link rel="stylesheet" href="/staff.css"></head>` +
    `<body class="staff-message-page"><main><h1>${escape(title)}</h1><p>${escape(text)}</p>` +
    `<p><a href="/staff">Back to the staff workspace</a></p></main></body></html>`
  );
}

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

const refusals: Record<Exclude<StaffSignInResult, { ok: true }>['reason'], [number, string, string]> = {
  'not-staff': [
    403,
    'Only library staff can use the workspace',
    'You signed in, but your account is not in the library staff group. Ask your administrator to add you.',
  ],
  denied: [400, "You didn't sign in", 'The sign-in was cancelled. Go back to try again.'],
  state: [
    400,
    "That sign-in didn't work",
    'The sign-in took too long or was started in another browser. Go back to try again.',
  ],
  failed: [
    400,
    "That sign-in didn't work",
    'Microsoft Entra ID did not confirm the sign-in. Go back to try again.',
  ],
};

export function registerStaffSignIn(server: Server, options: StaffSignInRouteOptions): void {
  server.get('/staff/sign-in', async (_req: Request, res: Response) => {
    try {
      const { url, pending } = await options.entra.begin();
      res.setHeader('set-cookie', options.cookies.pendingSignIn(pending, options.now()));
      res.writeHead(302, { location: url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
      res.end();
    } catch (error) {
      options.logger.error({ err: error }, 'could not start a staff sign-in with Entra ID');
      res.writeHead(503, HTML_HEADERS);
      res.end(
        page('Sign-in is not available', 'Microsoft Entra ID is not answering. Please try again shortly.'),
      );
    }
  });

  server.get(STAFF_REDIRECT_PATH, async (req: Request, res: Response) => {
    const query: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
      if (typeof value === 'string') query[key] = value;
    }
    const pending = options.cookies.readPendingSignIn(req.headers.cookie, options.now());
    let result: StaffSignInResult;
    try {
      result = await options.entra.complete(query, pending);
    } catch (error) {
      options.logger.error({ err: error }, 'a staff sign-in with Entra ID failed');
      result = { ok: false, reason: 'failed' };
    }
    const cookies = [options.cookies.clearPendingSignIn()];
    if (!result.ok) {
      options.logger.warn({ reason: result.reason }, 'a staff sign-in was refused');
      const [status, title, text] = refusals[result.reason];
      res.setHeader('set-cookie', cookies);
      res.writeHead(status, HTML_HEADERS);
      res.end(page(title, text));
      return;
    }
    cookies.push(options.cookies.session(result.member, 'entra', options.now()).cookie);
    options.logger.info({ staffId: result.member.id }, 'a staff member signed in with Entra ID');
    res.setHeader('set-cookie', cookies);
    res.writeHead(302, { location: '/staff', 'cache-control': 'no-store' });
    res.end();
  });
}

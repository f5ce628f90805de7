// The patron's web page, the embed script, Web Chat itself (served from here, no CDN) and the
// token endpoint the page uses to start a Direct Line conversation.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { pageColours, type PageColours } from '../config/colourContrast';
import type { LibraryConfig } from '../config/libraryConfig';
import { supportedLanguage } from '../library/language/catalog';
import type { Logger } from '../observability/logger';
import type { DirectLineConversations } from './directLine/directLineConversations';
import { openSessionOrRefuse } from './directLine/directLineRoutes';
import { pageInLanguage, pageTexts, preferredPageLanguage } from './patronPageTexts';

const WEB_DIR = join(__dirname, '..', '..', 'web');

/** Web Chat's prebuilt browser bundle from the installed package (its exports map hides dist/). */
function webChatBundlePath(): string {
  const entry = require.resolve('botframework-webchat');
  const packageRoot = entry.slice(
    0,
    entry.lastIndexOf(`${sep}botframework-webchat${sep}`) + '/botframework-webchat'.length,
  );
  return join(packageRoot, 'dist', 'webchat.js');
}

export interface WebChatPageOptions {
  config: LibraryConfig;
  logger: Logger;
  /** Local mode: tokens come from the built-in Direct Line. */
  conversations?: DirectLineConversations;
  /** Production: the Direct Line secret, exchanged server-side for a per-conversation token. */
  directLineSecret?: string;
  directLineEndpoint: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^[A-Z]/.test(word))
    .slice(0, 2)
    .map((word) => word[0])
    .join('');
}

/** The library's mark for browser tabs: an open book in its colours (colours are validated `#rrggbb`). */
export function faviconSvg(colours: PageColours): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">' +
    `<rect width="64" height="64" rx="12" fill="${colours.primary}"/>` +
    `<path d="M10 17c7-3 15-3 21 1v29c-6-4-14-4-21-1z" fill="${colours.onPrimary}"/>` +
    `<path d="M54 17c-7-3-15-3-21 1v29c6-4 14-4 21-1z" fill="${colours.onPrimary}"/>` +
    `<rect x="10" y="51" width="44" height="5" rx="2.5" fill="${colours.accent}"/>` +
    '</svg>'
  );
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self' https://directline.botframework.com wss://directline.botframework.com; " +
    "frame-ancestors *; base-uri 'none'; form-action 'none'",
};

export function registerWebChatPage(server: Server, options: WebChatPageOptions): void {
  const { config } = options;
  const libraryName = config.library.name;
  const colours = pageColours(config.library.colours);
  const shortName = config.library.shortName ?? libraryName;
  const texts = pageTexts({
    libraryName,
    shortName,
    phone: config.library.phone,
    idleMinutes: config.patronSignIn.idleMinutes,
  });
  const pageSettings = {
    libraryName,
    shortName,
    initials: initials(libraryName),
    phone: config.library.phone,
    colours,
    tokenUrl: '/api/directline/token',
    /** The page clears the chat after as long without activity as a signed-in session lasts. */
    idleMinutes: config.patronSignIn.idleMinutes,
    /** The page's own texts in every language; it opens in the one of `<html lang>`. */
    texts,
  };
  const template = readFileSync(join(WEB_DIR, 'index.html'), 'utf8')
    .replace(/\{\{libraryName\}\}/g, escapeHtml(libraryName))
    .replace('{{settingsJson}}', scriptJson(pageSettings));
  const pages = new Map(
    Object.keys(texts).map((language) => [language, pageInLanguage(template, language, texts, escapeHtml)]),
  );
  const widget = readFileSync(join(WEB_DIR, 'widget.js'), 'utf8').replace(
    '__LIBRARY_WIDGET_SETTINGS__',
    scriptJson({ libraryName, shortName, colours, texts }),
  );
  server.get('/', async (req: Request, res: Response) => {
    res.writeHead(200, { ...PAGE_HEADERS, vary: 'Accept-Language' });
    res.end(pages.get(preferredPageLanguage(req.header('accept-language'))));
  });
  server.get('/widget.js', serve(widget, 'text/javascript; charset=utf-8', 'public, max-age=300'));
  registerPageFiles(server, faviconSvg(colours));
  server.post('/api/directline/token', async (req: Request, res: Response) => {
    await issueToken(req, res, options);
  });
}

/** The page's language for the welcome: `{ "locale": "es" }` in the body, when we speak it. */
function requestedLocale(req: Request): string | undefined {
  const body = req.body as { locale?: unknown } | undefined;
  return typeof body?.locale === 'string' ? supportedLanguage(body.locale) : undefined;
}

async function issueToken(req: Request, res: Response, options: WebChatPageOptions): Promise<void> {
  if (options.conversations) {
    const session = openSessionOrRefuse(options.conversations, res, options.logger, {
      locale: requestedLocale(req),
    });
    if (session) res.send(200, session);
    return;
  }
  if (!options.directLineSecret) {
    options.logger.error('no DIRECT_LINE_SECRET: the web chat cannot start');
    res.send(503, { error: 'Chat is not available right now' });
    return;
  }
  try {
    res.send(200, await exchangeDirectLineSecret(options.directLineEndpoint, options.directLineSecret));
  } catch (error) {
    options.logger.error({ err: error }, 'could not get a Direct Line token');
    res.send(502, { error: 'Chat is not available right now' });
  }
}

const serve =
  (body: string | Buffer, contentType: string, cache = 'public, max-age=3600') =>
  async (_req: Request, res: Response) => {
    res.writeHead(200, {
      'content-type': contentType,
      'cache-control': cache,
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  };

/** The page's script and styles, the favicon, and Web Chat itself (served from here, no CDN). */
function registerPageFiles(server: Server, favicon: string): void {
  const javascript = 'text/javascript; charset=utf-8';
  server.get('/chat.js', serve(readFileSync(join(WEB_DIR, 'chat.js')), javascript, 'no-cache'));
  server.get(
    '/chat.css',
    serve(readFileSync(join(WEB_DIR, 'chat.css')), 'text/css; charset=utf-8', 'no-cache'),
  );
  server.get('/chat-style.js', serve(readFileSync(join(WEB_DIR, 'chat-style.js')), javascript, 'no-cache'));
  // Browsers ask for /favicon.ico on their own; an SVG answers there too (Chromium and Firefox show it).
  server.get('/favicon.svg', serve(favicon, 'image/svg+xml; charset=utf-8', 'public, max-age=86400'));
  server.get('/favicon.ico', serve(favicon, 'image/svg+xml; charset=utf-8', 'public, max-age=86400'));
  server.get(
    '/webchat/webchat.js',
    serve(readFileSync(webChatBundlePath()), javascript, 'public, max-age=86400'),
  );
}

/**
 * Production: exchanges the Direct Line secret (kept on this server) for a token bound to a user id
 * chosen here, never by the page, so one browser cannot pose as another.
 */
export async function exchangeDirectLineSecret(
  endpoint: string,
  secret: string,
  userId = `dl_${randomBytes(12).toString('base64url')}`,
): Promise<{ token: string; conversationId?: string; userId: string; expires_in?: number }> {
  const response = await fetch(`${endpoint}/v3/directline/tokens/generate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: { id: userId } }),
    signal: AbortSignal.timeout(10000),
  });
  if (!response.ok) throw new Error(`Direct Line answered ${response.status}`);
  const body = (await response.json()) as { token?: string; conversationId?: string; expires_in?: number };
  if (!body.token) throw new Error('Direct Line sent no token');
  return { token: body.token, conversationId: body.conversationId, userId, expires_in: body.expires_in };
}

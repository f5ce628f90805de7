// Where a university patron's browser lands after signing in with Microsoft Entra ID: completes the
// authorization-code exchange (the state decides the conversation) and says to go back to the chat.
import type { Request, Response, Server } from 'restify';
import type { EntraSignIn } from '../library/patronSessions/entraSignIn';
import type { Logger } from '../observability/logger';

export interface EntraSignInReturnOptions {
  entra: EntraSignIn;
  /** The configured redirect URL; its path is the route. */
  redirectUrl: string;
  libraryName: string;
  phone: string;
  logger: Logger;
}

function page(title: string, text: string): string {
  const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" ` +
    `content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">` +
    `<h1>${escape(title)}</h1><p>${escape(text)}</p></body></html>`
  );
}

export function registerEntraSignInReturn(server: Server, options: EntraSignInReturnOptions): void {
  const path = new URL(options.redirectUrl).pathname;
  server.get(path, async (req: Request, res: Response) => {
    const query: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
      if (typeof value === 'string') query[key] = value;
    }
    let status = 200;
    let body: string;
    try {
      const result = await options.entra.complete(query);
      if (result.ok) {
        body = page(
          "You're signed in",
          `You're signed in to ${options.libraryName}. Go back to the chat and ask again, for example "show my holds".`,
        );
      } else {
        status = 400;
        options.logger.info({ reason: result.reason }, 'an Entra sign-in did not complete');
        body =
          result.reason === 'no-patron'
            ? page(
                'No library account found',
                `We couldn't find a library account for your sign-in. Please call us at ${options.phone}.`,
              )
            : page(
                "That sign-in didn't work",
                'The sign-in link has expired or was already used. Go back to the chat and ask again for a new one.',
              );
      }
    } catch (error) {
      status = 503;
      options.logger.error({ err: error }, 'an Entra sign-in failed');
      body = page(
        "We couldn't sign you in",
        `Our library system is not answering right now. Please try again later or call us at ${options.phone}.`,
      );
    }
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    });
    res.end(body);
  });
}

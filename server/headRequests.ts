// HEAD is answered wherever GET is (HTTP requires it; link checkers and monitors use it). The
// request is routed as a GET; Node's http server already knows it was a HEAD and sends the
// headers (Content-Length included) without the body.
import type { Request, Response, Server } from 'restify';

export function answerHeadLikeGet(server: Server): void {
  server.pre((req: Request, _res: Response, next: () => void) => {
    if (req.method === 'HEAD') req.method = 'GET';
    next();
  });
}

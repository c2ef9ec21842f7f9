import { Type } from 'typebox';
import type { App } from '../../server/types.js';

/**
 * `GET /kiosk?token=…`: a read token in a link for a TV, exchanged once for a cookie, then a
 * redirect so the token stays neither in the address bar nor in the history.
 */
export function kioskRoute(app: App): void {
  app.get(
    '/kiosk',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        querystring: Type.Object(
          { token: Type.String({ minLength: 1, maxLength: 256 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      if (!(await app.cmon.auth.kiosk(req.query.token, req, reply))) {
        return reply
          .code(401)
          .type('text/plain; charset=utf-8')
          .send('This kiosk link is not valid (revoked or not a read token).');
      }
      return reply.redirect('/?kiosk=1', 303);
    },
  );
}

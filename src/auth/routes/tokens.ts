import { Type } from 'typebox';
import { CmonError, ERRORS } from '../../server/errors.js';
import { ERROR_RESPONSES, IdParam } from '../../server/schemas.js';
import type { App } from '../../server/types.js';
import type { TokenRecord } from '../../store/auth-types.js';
import { actorName, SCOPE_PATTERN } from '../principal.js';
import { issueToken } from '../tokens.js';

const PublicToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Type.Integer(),
  lastUsedAt: Type.Union([Type.Integer(), Type.Null()]),
});
const publicToken = (t: TokenRecord) => ({
  id: t.id,
  name: t.name,
  scopes: t.scopes,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
});

export function tokenRoutes(app: App): void {
  const admin = { access: 'admin' as const };

  app.get(
    '/tokens',
    {
      config: admin,
      schema: {
        tags: ['tokens'],
        summary: 'List API tokens (never their secrets)',
        response: { 200: Type.Object({ tokens: Type.Array(PublicToken) }), ...ERROR_RESPONSES },
      },
    },
    async () => ({ tokens: (await app.cmon.auth.store.listTokens()).map(publicToken) }),
  );

  app.post(
    '/tokens',
    {
      config: admin,
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; its secret is returned this once and stored only hashed',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            scopes: Type.Array(Type.String({ pattern: SCOPE_PATTERN }), {
              minItems: 1,
              maxItems: 32,
              uniqueItems: true,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ token: PublicToken, secret: Type.String() }), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const { auth } = app.cmon;
      const { token, secret } = await issueToken(
        auth.store,
        { name: req.body.name, scopes: req.body.scopes, createdBy: actorName(req.principal) },
        auth.now,
      );
      await auth.audit(req, req.principal, 'token.create', token.name, { scopes: token.scopes });
      return reply.code(201).send({ token: publicToken(token), secret });
    },
  );

  app.delete(
    '/tokens/:id',
    {
      config: admin,
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token (and the kiosk sessions it opened)',
        params: Type.Object({ id: IdParam }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const { auth } = app.cmon;
      const token = (await auth.store.listTokens()).find((t) => t.id === req.params.id);
      if (!token || !(await auth.store.deleteToken(token.id)))
        throw new CmonError(ERRORS.NOT_FOUND, `no token with id "${req.params.id}"`);
      await auth.audit(req, req.principal, 'token.delete', token.name);
      return reply.code(204).send(null);
    },
  );
}

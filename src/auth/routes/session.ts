import { Type } from 'typebox';
import { CmonError, ERRORS } from '../../server/errors.js';
import { ERROR_RESPONSES, ErrorSchema } from '../../server/schemas.js';
import type { App } from '../../server/types.js';
import { verifyPassword } from '../passwords.js';
import { roleOf } from '../principal.js';
import { setPassword } from '../users.js';

const RoleSchema = Type.Union([Type.Literal('viewer'), Type.Literal('operator'), Type.Literal('admin')]);
export const UserSchema = Type.Object({ id: Type.String(), username: Type.String(), role: RoleSchema });

export function sessionRoutes(app: App): void {
  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in: sets an HttpOnly session cookie and returns the CSRF token for changes',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 128 }),
            password: Type.String({ minLength: 1, maxLength: 1024 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ user: UserSchema, csrfToken: Type.String() }),
          ...ERROR_RESPONSES,
          429: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const { auth } = app.cmon;
      const user = await auth.login(req.body.username, req.body.password, req.ip);
      const session = await auth.sessions.open(reply, req, { userId: user.id });
      await auth.store.appendAudit({
        at: auth.now(),
        actor: user.username,
        action: 'auth.login',
        target: null,
        ip: req.ip,
        details: null,
      });
      return {
        user: { id: user.id, username: user.username, role: user.role },
        csrfToken: session.csrfToken,
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends this session',
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const p = req.principal;
      await app.cmon.auth.sessions.close(
        reply,
        p.kind === 'user' || p.kind === 'kiosk' ? p.sessionHash : undefined,
      );
      await app.cmon.auth.audit(req, p, 'auth.logout', null);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Who am I: principal, role, the CSRF token of this session',
        response: {
          200: Type.Object({
            principal: Type.Union([
              Type.Literal('user'),
              Type.Literal('token'),
              Type.Literal('kiosk'),
              Type.Literal('anonymous'),
            ]),
            user: Type.Union([UserSchema, Type.Null()]),
            role: Type.Union([RoleSchema, Type.Null()]),
            csrfToken: Type.Union([Type.String(), Type.Null()]),
            anonymousRead: Type.Boolean(),
          }),
        },
      },
    },
    async (req) => {
      const p = req.principal;
      return {
        principal: p.kind,
        user: p.kind === 'user' ? { id: p.userId, username: p.username, role: p.role } : null,
        role: roleOf(p),
        csrfToken: p.kind === 'user' || p.kind === 'kiosk' ? p.csrfToken : null,
        anonymousRead: app.cmon.config.auth.anonymousRead,
      };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; signs out your other sessions',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
            newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...ERROR_RESPONSES, 403: ErrorSchema },
      },
    },
    async (req, reply) => {
      const p = req.principal;
      if (p.kind !== 'user') throw new CmonError(ERRORS.FORBIDDEN, 'only a signed-in user has a password');
      const { auth } = app.cmon;
      const user = await auth.store.getUser(p.userId);
      if (!user) throw new CmonError(ERRORS.UNAUTHORIZED, 'sign in again');
      if (!(await verifyPassword(req.body.currentPassword, user.passwordHash))) {
        throw new CmonError(ERRORS.VALIDATION, 'body.currentPassword: wrong password');
      }
      await setPassword(auth.store, user, req.body.newPassword, auth.now, p.sessionHash);
      await auth.audit(req, p, 'user.password', user.username);
      return reply.code(204).send(null);
    },
  );
}

import { Type } from 'typebox';
import { CmonError, ERRORS } from '../../server/errors.js';
import { ERROR_RESPONSES, ErrorSchema, IdParam } from '../../server/schemas.js';
import type { App } from '../../server/types.js';
import { assertNotLastAdmin, createUser, publicUser, setPassword, USERNAME_PATTERN } from '../users.js';

const RoleSchema = Type.Union([Type.Literal('viewer'), Type.Literal('operator'), Type.Literal('admin')]);
const PublicUser = Type.Object({
  id: Type.String(),
  username: Type.String(),
  role: RoleSchema,
  createdAt: Type.Integer(),
});
const Params = Type.Object({ id: IdParam }, { additionalProperties: false });
const Password = Type.String({ minLength: 8, maxLength: 1024 });

export function userRoutes(app: App): void {
  const admin = { access: 'admin' as const };

  app.get(
    '/users',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'List users',
        response: { 200: Type.Object({ users: Type.Array(PublicUser) }), ...ERROR_RESPONSES },
      },
    },
    async () => ({ users: (await app.cmon.auth.store.listUsers()).map(publicUser) }),
  );

  app.post(
    '/users',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Add a user',
        body: Type.Object(
          { username: Type.String({ pattern: USERNAME_PATTERN }), password: Password, role: RoleSchema },
          { additionalProperties: false },
        ),
        response: { 201: PublicUser, ...ERROR_RESPONSES, 409: ErrorSchema },
      },
    },
    async (req, reply) => {
      const { auth } = app.cmon;
      const user = await createUser(auth.store, req.body, auth.now);
      await auth.audit(req, req.principal, 'user.create', user.username, { role: user.role });
      return reply.code(201).send(publicUser(user));
    },
  );

  app.patch(
    '/users/:id',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: "Change a user's role or password (a new password signs them out)",
        params: Params,
        body: Type.Object(
          { role: Type.Optional(RoleSchema), password: Type.Optional(Password) },
          { additionalProperties: false },
        ),
        response: { 200: PublicUser, ...ERROR_RESPONSES, 409: ErrorSchema },
      },
    },
    async (req) => {
      const { auth } = app.cmon;
      const user = await auth.store.getUser(req.params.id);
      if (!user) throw new CmonError(ERRORS.NOT_FOUND, `no user with id "${req.params.id}"`);
      const { role, password } = req.body;
      if (role && role !== user.role) {
        await assertNotLastAdmin(auth.store, user, 'body.role');
        await auth.store.updateUser(user.id, { role });
        await auth.audit(req, req.principal, 'user.role', user.username, { from: user.role, to: role });
      }
      if (password !== undefined) {
        await setPassword(auth.store, user, password, auth.now);
        await auth.audit(req, req.principal, 'user.password', user.username);
      }
      return publicUser((await auth.store.getUser(user.id)) ?? user);
    },
  );

  app.delete(
    '/users/:id',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Remove a user',
        params: Params,
        response: { 204: Type.Null(), ...ERROR_RESPONSES, 409: ErrorSchema },
      },
    },
    async (req, reply) => {
      const { auth } = app.cmon;
      const user = await auth.store.getUser(req.params.id);
      if (!user) throw new CmonError(ERRORS.NOT_FOUND, `no user with id "${req.params.id}"`);
      await assertNotLastAdmin(auth.store, user, 'id');
      await auth.store.deleteUser(user.id);
      await auth.audit(req, req.principal, 'user.delete', user.username);
      return reply.code(204).send(null);
    },
  );
}

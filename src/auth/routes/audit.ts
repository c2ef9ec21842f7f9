import { Type } from 'typebox';
import { ERROR_RESPONSES } from '../../server/schemas.js';
import type { App } from '../../server/types.js';

const Entry = Type.Object({
  id: Type.Integer(),
  at: Type.Integer(),
  actor: Type.String(),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

export function auditRoutes(app: App): void {
  app.get(
    '/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first: who changed what, when, from where',
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
            before: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            entries: Type.Array(Entry),
            nextBefore: Type.Union([Type.Integer(), Type.Null()]),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 100;
      const entries = await app.cmon.auth.store.listAudit(limit, req.query.before);
      const last = entries[entries.length - 1];
      return { entries, nextBefore: entries.length === limit && last ? last.id : null };
    },
  );
}

import { Type } from 'typebox';
import { CmonError, ERRORS } from '../../server/errors.js';
import { AlarmStateSchema, ERROR_RESPONSES, IdParam } from '../../server/schemas.js';
import type { App } from '../../server/types.js';

const DAY = 86_400_000;

export function getTimeline(app: App): void {
  app.get(
    '/sources/:id/entities/:entityId/timeline',
    {
      config: { access: 'read' },
      schema: {
        tags: ['sources'],
        summary: "A server's alarm transitions in [from, to) (default: the last 7 days)",
        params: Type.Object({ id: IdParam, entityId: IdParam }, { additionalProperties: false }),
        querystring: Type.Object(
          {
            from: Type.Optional(Type.Integer({ minimum: 0 })),
            to: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            from: Type.Integer(),
            to: Type.Integer(),
            transitions: Type.Array(
              Type.Object({
                alarmId: Type.String(),
                from: Type.Union([AlarmStateSchema, Type.Null()]),
                to: AlarmStateSchema,
                at: Type.Integer(),
              }),
            ),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (req) => {
      const { id, entityId } = req.params;
      if (!app.cmon.state.summary(id))
        throw new CmonError(ERRORS.SOURCE_NOT_FOUND, `no source with id "${id}"`);
      const to = req.query.to ?? Date.now() + 1;
      const from = req.query.from ?? to - 7 * DAY;
      if (from >= to) throw new CmonError(ERRORS.VALIDATION, 'querystring.from: must be before to');
      const transitions = await app.cmon.store.listTransitions(id, entityId, from, to);
      return {
        from,
        to,
        transitions: transitions.map(({ alarmId, from: f, to: t, at }) => ({ alarmId, from: f, to: t, at })),
      };
    },
  );
}

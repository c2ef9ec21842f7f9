import { Type } from 'typebox';
import { CmonError, ERRORS } from '../../server/errors.js';
import { AlarmStateSchema, ERROR_RESPONSES, IdParam } from '../../server/schemas.js';
import type { App } from '../../server/types.js';

const AlarmSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  state: AlarmStateSchema,
  status: Type.Union([Type.String(), Type.Null()]),
  since: Type.Union([Type.Integer(), Type.Null()], { description: 'epoch ms of the latest state' }),
  checkId: Type.String(),
  checkLabel: Type.Union([Type.String(), Type.Null()]),
  checkType: Type.Union([Type.String(), Type.Null()]),
});

export function getEntity(app: App): void {
  app.get(
    '/sources/:id/entities/:entityId',
    {
      config: { access: 'read' },
      schema: {
        tags: ['sources'],
        summary: 'A server and its alarms',
        params: Type.Object({ id: IdParam, entityId: IdParam }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            id: Type.String(),
            label: Type.String(),
            sourceId: Type.String(),
            sourceName: Type.String(),
            alarms: Type.Array(AlarmSchema),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (req) => {
      const { id, entityId } = req.params;
      const summary = app.cmon.state.summary(id);
      if (!summary) throw new CmonError(ERRORS.SOURCE_NOT_FOUND, `no source with id "${id}"`);
      const entity = app.cmon.state.entity(id, entityId);
      if (!entity) throw new CmonError(ERRORS.ENTITY_NOT_FOUND, `no server "${entityId}" in source "${id}"`);
      return { ...entity, sourceId: id, sourceName: summary.name };
    },
  );
}

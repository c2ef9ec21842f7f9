import { Type } from 'typebox';
import { canIngest } from '../../../auth/principal.js';
import { CmonError, ERRORS } from '../../../server/errors.js';
import { ERROR_RESPONSES, ErrorSchema } from '../../../server/schemas.js';
import type { App } from '../../../server/types.js';
import { SnapshotRejected } from '../service.js';
import { GridSnapshotSchema } from '../snapshot.js';

const Result = Type.Object({
  status: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate')]),
  grid: Type.String(),
  snapshotId: Type.String(),
});

export function ingestRoute(app: App): void {
  app.post(
    '/ingest/grid',
    {
      config: { access: 'ingest' },
      bodyLimit: app.cmon.config.grid.maxSnapshotBytes,
      schema: {
        tags: ['grids'],
        summary: 'Take a grid snapshot from a collector (token scope ingest:<grid>); answered once committed',
        body: GridSnapshotSchema,
        response: { 202: Result, 200: Result, ...ERROR_RESPONSES, 403: ErrorSchema, 413: ErrorSchema },
      },
    },
    async (req, reply) => {
      if (!canIngest(req.principal, req.body.grid)) {
        throw new CmonError(ERRORS.FORBIDDEN, `this token may not feed grid "${req.body.grid}"`);
      }
      try {
        const result = await app.cmon.grids.ingest(req.body);
        return reply.code(result.status === 'accepted' ? 202 : 200).send(result);
      } catch (err) {
        if (err instanceof SnapshotRejected) throw new CmonError(ERRORS.VALIDATION, err.message);
        throw err;
      }
    },
  );
}

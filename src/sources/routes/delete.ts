import { Type } from 'typebox';
import { CmonError, ERRORS } from '../../server/errors.js';
import { ERROR_RESPONSES } from '../../server/schemas.js';
import type { App } from '../../server/types.js';
import { SourceParams } from '../schemas.js';

export function deleteSource(app: App): void {
  app.delete(
    '/sources/:id',
    {
      schema: {
        tags: ['sources'],
        summary: 'Remove a source, its polling and its servers',
        params: SourceParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      if (!(await app.cmon.sources.remove(req.params.id))) {
        throw new CmonError(ERRORS.SOURCE_NOT_FOUND, `no source with id "${req.params.id}"`);
      }
      return reply.code(204).send(null);
    },
  );
}

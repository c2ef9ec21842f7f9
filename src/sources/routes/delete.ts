import { Type } from 'typebox';
import { CmonError, ERRORS } from '../../server/errors.js';
import { ERROR_RESPONSES } from '../../server/schemas.js';
import type { App } from '../../server/types.js';
import { SourceParams } from '../schemas.js';

export function deleteSource(app: App): void {
  app.delete(
    '/sources/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['sources'],
        summary: 'Remove a source, its polling and its servers',
        params: SourceParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const source = await app.cmon.sources.get(req.params.id);
      if (!source || !(await app.cmon.sources.remove(source.id))) {
        throw new CmonError(ERRORS.SOURCE_NOT_FOUND, `no source with id "${req.params.id}"`);
      }
      await app.cmon.auth.audit(req, req.principal, 'source.delete', source.name, { id: source.id });
      return reply.code(204).send(null);
    },
  );
}

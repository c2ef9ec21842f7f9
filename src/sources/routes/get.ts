import { CmonError, ERRORS } from '../../server/errors.js';
import { ERROR_RESPONSES } from '../../server/schemas.js';
import type { App } from '../../server/types.js';
import { PublicSourceSchema, SourceParams } from '../schemas.js';

export function getSource(app: App): void {
  app.get(
    '/sources/:id',
    {
      config: { access: 'read' },
      schema: {
        tags: ['sources'],
        summary: 'One source (never its secret)',
        params: SourceParams,
        response: { 200: PublicSourceSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const source = await app.cmon.sources.get(req.params.id);
      if (!source) throw new CmonError(ERRORS.SOURCE_NOT_FOUND, `no source with id "${req.params.id}"`);
      return source;
    },
  );
}

import { CmonError, ERRORS } from '../../server/errors.js';
import { ERROR_RESPONSES } from '../../server/schemas.js';
import type { App } from '../../server/types.js';
import { SourceInput, SourceParams, TestResultSchema } from '../schemas.js';
import { checkOneSecret } from './secret-rule.js';

export function testSource(app: App): void {
  app.post(
    '/sources/:id/test',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['sources'],
        summary: "Try a saved source's credentials now",
        params: SourceParams,
        response: { 200: TestResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const result = await app.cmon.sources.test(req.params.id);
      if (!result) throw new CmonError(ERRORS.SOURCE_NOT_FOUND, `no source with id "${req.params.id}"`);
      return result;
    },
  );

  app.post(
    '/sources/test',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['sources'],
        summary: 'Try credentials without saving them (the settings form)',
        body: SourceInput,
        response: { 200: TestResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      checkOneSecret(req.body.config);
      return app.cmon.sources.testInput(req.body);
    },
  );
}

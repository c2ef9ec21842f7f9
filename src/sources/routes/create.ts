import { CmonError, ERRORS } from '../../server/errors.js';
import { ERROR_RESPONSES, ErrorSchema } from '../../server/schemas.js';
import type { App } from '../../server/types.js';
import { PublicSourceSchema, SourceInput } from '../schemas.js';
import { SourceConflictError } from '../service.js';
import { checkOneSecret } from './secret-rule.js';

export function createSource(app: App): void {
  app.post(
    '/sources',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['sources'],
        summary: 'Add a cloud account; polling starts at once',
        body: SourceInput,
        response: { 201: PublicSourceSchema, ...ERROR_RESPONSES, 409: ErrorSchema },
      },
    },
    async (req, reply) => {
      checkOneSecret(req.body.config);
      try {
        const source = await app.cmon.sources.create(req.body);
        await app.cmon.auth.audit(req, req.principal, 'source.create', source.name, {
          id: source.id,
          username: source.config.username,
          identityUrl: source.config.identityUrl,
        });
        return reply.code(201).send(source);
      } catch (err) {
        if (err instanceof SourceConflictError)
          throw new CmonError(ERRORS.CONFLICT, `body.name: ${err.message}`);
        throw err;
      }
    },
  );
}

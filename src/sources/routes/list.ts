import { Type } from 'typebox';
import type { App } from '../../server/types.js';
import { PublicSourceSchema } from '../schemas.js';

export function listSources(app: App): void {
  app.get(
    '/sources',
    {
      config: { access: 'read' },
      schema: {
        tags: ['sources'],
        summary: 'List the configured sources (never their secrets)',
        response: { 200: Type.Object({ sources: Type.Array(PublicSourceSchema) }) },
      },
    },
    async () => ({ sources: await app.cmon.sources.list() }),
  );
}

import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { CmonError, ERRORS } from '../../server/errors.js';
import { ERROR_RESPONSES, ErrorSchema } from '../../server/schemas.js';
import type { App } from '../../server/types.js';
import { ImportError, parsePrometheusText } from '../import.js';
import type { HistoryStore } from '../store.js';

/** Backfills are large; the body is streamed, so this bounds time, not memory. */
export const IMPORT_BODY_LIMIT = 1024 ** 3;

export function importSeries(app: App, history: HistoryStore): void {
  // Scoped to the history plugin: the rest of the API keeps refusing text bodies.
  app.addContentTypeParser('text/plain', { bodyLimit: IMPORT_BODY_LIMIT }, (_req, payload, done) =>
    done(null, payload),
  );
  app.post(
    '/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: 'import' },
      schema: {
        tags: ['history'],
        summary: 'Backfill: Prometheus text with a ms timestamp on each line; all or nothing',
        consumes: ['text/plain'],
        response: {
          200: Type.Object({
            series: Type.Integer(),
            samples: Type.Integer(),
            rejected: Type.Integer({ description: 'samples older than the raw retention horizon' }),
          }),
          ...ERROR_RESPONSES,
          413: ErrorSchema,
          415: ErrorSchema,
        },
      },
    },
    async (req) => {
      const body = req.body as Readable | undefined;
      if (!body || typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function')
        throw new CmonError(ERRORS.UNSUPPORTED_MEDIA_TYPE, 'send the body as text/plain');
      try {
        return await history.import(parsePrometheusText(body));
      } catch (err) {
        if (err instanceof ImportError) throw new CmonError(ERRORS.VALIDATION, `body: ${err.message}`);
        throw err;
      }
    },
  );
}

import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { CmonError, ERRORS } from '../../server/errors.js';
import type { App } from '../../server/types.js';
import { exportSamples } from '../export.js';
import type { HistoryStore } from '../store.js';
import { MatchParam, MsParam, selectorParam } from './common.js';

const TYPES = { prometheus: 'text/plain; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

export function exportSeries(app: App, history: HistoryStore): void {
  app.get(
    '/export',
    {
      config: { access: 'read' },
      schema: {
        tags: ['history'],
        summary: 'Raw samples of the matching series, streamed as Prometheus text or CSV',
        querystring: Type.Object(
          {
            match: MatchParam,
            from: MsParam('window start, epoch ms (inclusive)'),
            to: MsParam('window end, epoch ms (exclusive)'),
            format: Type.Optional(
              Type.Union([Type.Literal('prometheus'), Type.Literal('csv')], { default: 'prometheus' }),
            ),
          },
          { additionalProperties: false },
        ),
        // No response schema: 200 is a text stream, and errors go through the cmon error handler.
      },
    },
    async (req, reply) => {
      const { match, format = 'prometheus' } = req.query;
      const selector = selectorParam(match);
      const from = Number(req.query.from);
      const to = Number(req.query.to);
      if (to <= from) throw new CmonError(ERRORS.VALIDATION, 'query.to: must be after from');
      const chunks = exportSamples(history, selector, from, to, format);
      // An export that fits one chunk (a day of a few series) goes out as one buffer: a stream
      // costs more than writing it. Read before the headers, so that a failure is a plain error.
      const first = await chunks.next();
      const second = first.done ? first : await chunks.next();
      reply.type(TYPES[format]);
      if (format === 'csv') reply.header('content-disposition', 'attachment; filename="cmon-export.csv"');
      if (first.done) return reply.send(Buffer.alloc(0));
      if (second.done) return reply.send(first.value);
      // Two chunks ahead of the socket at most (Readable.from's default is 16).
      return reply.send(Readable.from(resume([first.value, second.value], chunks), { highWaterMark: 2 }));
    },
  );
}

async function* resume<T>(read: T[], rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield* read;
  yield* rest;
}

import { Type } from 'typebox';
import { CmonError, ERRORS } from '../../server/errors.js';
import { ERROR_RESPONSES } from '../../server/schemas.js';
import type { App } from '../../server/types.js';
import { MAX_POINTS, QueryError, queryHistoryJson } from '../query.js';
import type { HistoryStore } from '../store.js';
import { LabelsSchema, MatchParam, MsParam, selectorParam, sendJson } from './common.js';

const Column = Type.Array(Type.Union([Type.Number(), Type.Null()]));

/** The 200 answer: documents what `queryHistoryJson` writes, which tests hold to it. */
export const QueryAnswer = Type.Object({
  series: Type.Array(
    Type.Object({
      name: Type.String(),
      labels: LabelsSchema,
      t: Type.Array(Type.Number(), { description: "each bucket's start, epoch ms" }),
      min: Column,
      max: Column,
      avg: Column,
      last: Column,
    }),
  ),
});

export function querySeries(app: App, history: HistoryStore): void {
  app.get(
    '/series/query',
    {
      config: { access: 'read' },
      schema: {
        tags: ['history'],
        summary: 'min, max, avg and last per bucket of the matching series over a window',
        querystring: Type.Object(
          {
            match: MatchParam,
            from: MsParam('window start, epoch ms (inclusive)'),
            to: MsParam('window end, epoch ms (exclusive)'),
            points: Type.String({
              pattern: '^[0-9]{1,9}$',
              description: `buckets wanted, at most ${MAX_POINTS}`,
            }),
          },
          { additionalProperties: false },
        ),
        // Documents the answer; the handler writes the JSON itself (queryHistoryJson).
        response: { 200: QueryAnswer, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const { match, from, to, points } = req.query;
      const selector = selectorParam(match);
      try {
        // The schema serialiser took longer than the query itself.
        return sendJson(
          reply,
          await queryHistoryJson(history, selector, Number(from), Number(to), Number(points)),
        );
      } catch (err) {
        if (err instanceof QueryError) throw new CmonError(ERRORS.VALIDATION, `query.${err.message}`);
        throw err;
      }
    },
  );
}

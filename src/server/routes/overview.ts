import { type Static, Type } from 'typebox';
import type { SourceSummary } from '../../live/events.js';
import type { SourceStatus } from '../../model.js';
import { gridNameOf } from '../../sources/grid/service.js';
import { overviewAt } from '../../state/at.js';
import { sourceStatusAt } from '../../state/status-at.js';
import { AlarmStateSchema, CountsSchema, SourceStatusSchema } from '../schemas.js';
import type { App } from '../types.js';

export const OverviewSchema = Type.Object({
  generatedAt: Type.Integer({ description: 'epoch ms' }),
  at: Type.Optional(Type.Integer({ description: 'the moment shown, when asked for the past (epoch ms)' })),
  sources: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      type: Type.String(),
      status: SourceStatusSchema,
      entities: Type.Array(
        Type.Object({
          id: Type.String(),
          label: Type.String(),
          counts: CountsSchema,
          states: Type.Array(AlarmStateSchema, {
            description: "one per alarm, worst first (the ring's segments)",
          }),
        }),
      ),
    }),
  ),
});

export function overview(app: App): void {
  app.get(
    '/overview',
    {
      config: { access: 'read' },
      schema: {
        tags: ['wallboard'],
        summary:
          'Every source and its servers with alarm counts: what the wallboard draws (?at=ms: as it was then)',
        querystring: Type.Object(
          {
            at: Type.Optional(
              Type.Integer({ minimum: 0, description: 'time travel: the board at this moment (epoch ms)' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: OverviewSchema },
      },
    },
    // The state keeps the encoded JSON ready and Fastify sends a Buffer as it is (no serializer
    // pass); the schema stays for the OpenAPI document and the tests that validate against it.
    async (req, reply) =>
      req.query.at !== undefined
        ? (overviewAt(app.cmon.state, app.cmon.store, req.query.at, (summary) =>
            pastStatus(app, summary, req.query.at ?? 0),
          ) as Promise<Static<typeof OverviewSchema>>)
        : reply
            .type('application/json; charset=utf-8')
            .send(app.cmon.state.overview() as unknown as Static<typeof OverviewSchema>),
  );
}

/** A source's status at `at`, judged stale by the same rule as the live board. */
function pastStatus(app: App, summary: SourceSummary, at: number): Promise<SourceStatus> {
  const { config, sources, grids, history } = app.cmon;
  const grid = summary.type === 'grid';
  const intervalMs = sources.intervalMs(summary.id);
  const staleAfterMs = grid ? grids.staleAfterMs : config.staleAfterIntervals * (intervalMs ?? 60_000);
  return sourceStatusAt(
    history,
    { id: summary.id, type: summary.type, ...(grid ? { gridName: gridNameOf(summary.id) } : {}) },
    at,
    staleAfterMs,
  );
}

import { Type } from 'typebox';
import { CmonError, ERRORS } from '../../../server/errors.js';
import { ERROR_RESPONSES, IdParam } from '../../../server/schemas.js';
import type { App } from '../../../server/types.js';
import { gridSummaryAt } from '../at.js';
import { jobDetail, listJobs, listVms, vmDetail } from '../query.js';
import type { GridSnapshot } from '../snapshot.js';

const GridParam = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.-]+$' });
const Params = Type.Object({ grid: GridParam }, { additionalProperties: false });
const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  sort: Type.Optional(Type.String({ maxLength: 64, pattern: '^[A-Za-z]+$' })),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  q: Type.Optional(Type.String({ maxLength: 256 })),
};
const Str = Type.Optional(Type.String({ maxLength: 256 }));
const Anything = Type.Object({}, { additionalProperties: true });

export function gridReadRoutes(app: App): void {
  const read = { access: 'read' as const };
  const snapshotOf = (grid: string): GridSnapshot => {
    const s = app.cmon.grids.snapshot(grid);
    if (!s) throw new CmonError(ERRORS.NOT_FOUND, `no grid named "${grid}" has reported`);
    return s;
  };

  app.get(
    '/grids',
    {
      config: read,
      schema: {
        tags: ['grids'],
        summary: 'Every grid with its summary',
        response: { 200: Type.Object({ grids: Type.Array(Anything) }) },
      },
    },
    async () => ({ grids: app.cmon.grids.names().flatMap((n) => app.cmon.grids.summary(n) ?? []) }),
  );

  app.get(
    '/grids/:grid',
    {
      config: read,
      schema: {
        tags: ['grids'],
        summary:
          'One grid: per cloud VMs, slots, idle VMs, jobs; totals; jobs by owner (?at=ms: as it was then)',
        params: Params,
        querystring: Type.Object(
          { at: Type.Optional(Type.Integer({ minimum: 0 })) },
          { additionalProperties: false },
        ),
        response: { 200: Anything, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const { at } = req.query;
      if (at !== undefined) {
        const past = await gridSummaryAt(app.cmon.history, req.params.grid, at);
        const when = new Date(at).toISOString();
        if (!past)
          throw new CmonError(
            ERRORS.NOT_FOUND,
            `nothing was recorded for grid "${req.params.grid}" by ${when}`,
          );
        return past;
      }
      snapshotOf(req.params.grid);
      return app.cmon.grids.summary(req.params.grid);
    },
  );

  app.get(
    '/grids/:grid/vms',
    {
      config: read,
      schema: {
        tags: ['grids'],
        summary: "A grid's VMs, filtered, sorted and paged",
        params: Params,
        querystring: Type.Object(
          { ...Paging, cloud: Str, state: Str, vmtype: Str },
          { additionalProperties: false },
        ),
        response: { 200: Anything, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const q = req.query;
      return listVms(
        snapshotOf(req.params.grid),
        q,
        { by: q.sort, order: q.order },
        q.offset ?? 0,
        q.limit ?? 100,
      );
    },
  );

  app.get(
    '/grids/:grid/vms/:id',
    {
      config: read,
      schema: {
        tags: ['grids'],
        summary: 'A VM: its slots, its current and last jobs',
        params: Type.Object({ grid: GridParam, id: IdParam }, { additionalProperties: false }),
        response: { 200: Anything, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const detail = vmDetail(snapshotOf(req.params.grid), req.params.id);
      if (!detail)
        throw new CmonError(ERRORS.NOT_FOUND, `no VM "${req.params.id}" in grid "${req.params.grid}"`);
      return detail;
    },
  );

  app.get(
    '/grids/:grid/jobs',
    {
      config: read,
      schema: {
        tags: ['grids'],
        summary: "A grid's jobs, filtered, sorted and paged",
        params: Params,
        querystring: Type.Object(
          { ...Paging, status: Str, owner: Str, vmtype: Str, cloud: Str, host: Str },
          { additionalProperties: false },
        ),
        response: { 200: Anything, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const q = req.query;
      return listJobs(
        snapshotOf(req.params.grid),
        q,
        { by: q.sort, order: q.order },
        q.offset ?? 0,
        q.limit ?? 100,
      );
    },
  );

  app.get(
    '/grids/:grid/jobs/:id',
    {
      config: read,
      schema: {
        tags: ['grids'],
        summary: 'A job: all its attributes, hold reason, times, where it runs or ran',
        params: Type.Object(
          { grid: GridParam, id: Type.String({ pattern: '^[0-9]+\\.[0-9]+$', maxLength: 32 }) },
          { additionalProperties: false },
        ),
        response: { 200: Anything, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const detail = jobDetail(snapshotOf(req.params.grid), req.params.id);
      if (!detail)
        throw new CmonError(ERRORS.NOT_FOUND, `no job "${req.params.id}" in grid "${req.params.grid}"`);
      return detail;
    },
  );
}

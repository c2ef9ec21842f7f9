/** Seeded generation of accounts and their entities/checks/alarms. */
import { chance, pick, type Rng, randInt, randomHex, randomId, shuffle } from './random.js';
import { statusFor, TEMPLATES } from './templates.js';
import type { SimAccount, SimAlarm, SimCheck, SimEntity, SimLatest, SimState, SimTenant } from './types.js';

export interface GenerateOptions {
  accounts: number;
  servers: number;
  alarmsPerServer: [number, number];
  labelPrefix: string;
  startTime: number;
}

const ROLES = ['web', 'app', 'db', 'cache', 'lb', 'worker', 'mq', 'search', 'api', 'mail'] as const;
export const ZONES = ['mzdfw', 'mzord', 'mziad', 'mzlon', 'mzhkg', 'mzsyd'] as const;
const DAY_MS = 24 * 3600_000;

function uniqueId(rng: Rng, prefix: string, taken: Set<string>): string {
  for (;;) {
    const id = randomId(rng, prefix);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** Mostly OK, a few WARNING/CRITICAL, and ~5% never evaluated (no latest state → UNKNOWN). */
export function initialState(rng: Rng): SimState | null {
  const r = rng();
  return r < 0.05 ? null : r < 0.88 ? 'OK' : r < 0.94 ? 'WARNING' : 'CRITICAL';
}

export function makeLatest(
  rng: Rng,
  template: number,
  state: SimState,
  at: number,
  previous: SimState | null,
): SimLatest {
  return { state, status: statusFor(template, state, rng), timestamp: at, previous, zone: pick(rng, ZONES) };
}

function makeAccount(rng: Rng, index: number, tenants: Set<string>): SimAccount {
  let tenantId: string;
  do tenantId = String(randInt(rng, 100000, 999999));
  while (tenants.has(tenantId));
  tenants.add(tenantId);
  const n = index + 1;
  return {
    name: `acct${n}`,
    username: `cmon-acct${n}`,
    apiKey: randomHex(rng, 32),
    password: `Pw-${randomHex(rng, 12)}`,
    tenantId,
  };
}

function makeEntity(rng: Rng, o: GenerateOptions, acct: number, server: number, ids: Set<string>): SimEntity {
  const role = pick(rng, ROLES);
  const num = String(server + 1).padStart(3, '0');
  const created = o.startTime - randInt(rng, 30, 900) * DAY_MS;
  const entity: SimEntity = {
    id: uniqueId(rng, 'en', ids),
    label: `${o.labelPrefix}${role}-${num}.acct${acct + 1}.example.com`,
    ip: {
      public0_v4: `203.0.${acct % 256}.${(server % 254) + 1}`,
      private0_v4: `10.${acct % 256}.${Math.floor(server / 254) % 256}.${(server % 254) + 1}`,
    },
    agentId: null,
    uri: null,
    createdAt: created,
    checks: [],
    alarms: [],
  };
  // A few entities have nothing configured; the real API still lists them with empty arrays.
  if (chance(rng, 0.03)) return entity;
  const [min, max] = o.alarmsPerServer;
  const count = randInt(rng, min, max);
  const templates = shuffle(
    rng,
    TEMPLATES.map((_, i) => i),
  ).slice(0, count);
  for (const t of templates) {
    const tpl = TEMPLATES[t];
    if (!tpl) continue;
    const check: SimCheck = {
      id: uniqueId(rng, 'ch', ids),
      label: tpl.checkLabel,
      type: tpl.type,
      details: tpl.details,
      zones: tpl.remote ? shuffle(rng, ZONES).slice(0, 3) : chance(rng, 0.5) ? [] : null,
      targetAlias: tpl.remote ? 'public0_v4' : null,
      createdAt: created + randInt(rng, 0, DAY_MS),
      template: t,
    };
    entity.checks.push(check);
    if (!tpl.remote) entity.agentId = `agent-${entity.id.slice(2).toLowerCase()}`;
    const state = initialState(rng);
    const alarm: SimAlarm = {
      id: uniqueId(rng, 'al', ids),
      label: chance(rng, 0.02) ? null : tpl.alarmLabel,
      checkId: check.id,
      criteria: tpl.criteria,
      createdAt: check.createdAt,
      template: t,
      latest: state
        ? makeLatest(
            rng,
            t,
            state,
            o.startTime - randInt(rng, 60_000, 14 * DAY_MS),
            pick(rng, [null, 'OK', 'CRITICAL']),
          )
        : null,
    };
    // Some entities keep a check without an alarm on it.
    if (entity.alarms.length === 0 || !chance(rng, 0.05)) entity.alarms.push(alarm);
  }
  if (entity.agentId)
    entity.uri = `https://dfw.servers.api.rackspacecloud.com/${acct}/servers/${entity.agentId.slice(6)}`;
  return entity;
}

export function generateTenants(rng: Rng, o: GenerateOptions): SimTenant[] {
  const tenantIds = new Set<string>();
  const ids = new Set<string>();
  const tenants: SimTenant[] = [];
  for (let a = 0; a < o.accounts; a++) {
    const account = makeAccount(rng, a, tenantIds);
    const entities: SimEntity[] = [];
    for (let s = 0; s < o.servers; s++) entities.push(makeEntity(rng, o, a, s, ids));
    // MaaS pages in plain lexicographic (code unit) order of ids.
    entities.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    tenants.push({
      account,
      entities,
      byId: new Map(entities.map((e) => [e.id, e])),
      used: 0,
      pages: new Map(),
    });
  }
  return tenants;
}

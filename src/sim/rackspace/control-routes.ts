/** `/_sim/*`: drive a sim running in another process (demo, benchmarks, browser tests). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimCore } from './core.js';
import { applyFaultPatch, faultsSnapshot } from './faults.js';
import { isRecord, parseJson, readBody, sendJson } from './http-util.js';
import { SimNotFoundError } from './state.js';

function parseState(v: unknown): 'OK' | 'WARNING' | 'CRITICAL' | null | undefined {
  return v === 'OK' || v === 'WARNING' || v === 'CRITICAL' || v === null ? v : undefined;
}

async function postAlarm(core: SimCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = parseJson(await readBody(req));
  if (!isRecord(body)) return sendJson(res, 400, { error: 'expected a JSON object' });
  const { tenantId, entityId, alarmId, status } = body;
  const state = parseState(body.state);
  if (typeof tenantId !== 'string' || typeof entityId !== 'string' || typeof alarmId !== 'string') {
    return sendJson(res, 400, { error: 'tenantId, entityId and alarmId must be strings' });
  }
  if (state === undefined)
    return sendJson(res, 400, { error: 'state must be OK, WARNING, CRITICAL or null' });
  if (status !== undefined && typeof status !== 'string')
    return sendJson(res, 400, { error: 'status: string' });
  core.setAlarmState(tenantId, entityId, alarmId, state, status);
  sendJson(res, 200, { ok: true });
}

async function postFaults(core: SimCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const patch = parseJson(await readBody(req));
  if (!isRecord(patch)) return sendJson(res, 400, { error: 'expected a JSON object' });
  applyFaultPatch(core.faults, patch);
  sendJson(res, 200, faultsSnapshot(core.faults));
}

export async function handleControl(
  core: SimCore,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const m = req.method ?? 'GET';
  try {
    if (m === 'GET' && path === '/_sim/accounts') return sendJson(res, 200, core.accounts());
    if (m === 'GET' && path.startsWith('/_sim/truth/')) {
      return sendJson(res, 200, core.truth(decodeURIComponent(path.slice('/_sim/truth/'.length))));
    }
    if (m === 'GET' && path === '/_sim/stats') return sendJson(res, 200, core.log.snapshot());
    if (m === 'GET' && path === '/_sim/faults') return sendJson(res, 200, faultsSnapshot(core.faults));
    if (m === 'POST' && path === '/_sim/alarm') return await postAlarm(core, req, res);
    if (m === 'POST' && path === '/_sim/faults') return await postFaults(core, req, res);
    if (m === 'POST' && path === '/_sim/tick') return sendJson(res, 200, { changes: core.tick() });
    sendJson(res, 404, { error: `no control route ${m} ${path}` });
  } catch (err) {
    if (err instanceof SimNotFoundError) return sendJson(res, 404, { error: err.message });
    throw err;
  }
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../model.js';
import { authContract } from './auth-contract.js';
import { gridContract } from './grid-contract.js';
import type { RackspaceSourceRecord, Store } from './types.js';

export function sampleSource(
  id: string,
  overrides: Partial<RackspaceSourceRecord> = {},
): RackspaceSourceRecord {
  return {
    id,
    type: 'rackspace',
    name: `Account ${id}`,
    config: {
      username: `user-${id}`,
      authMethod: 'apiKey',
      identityUrl: 'http://127.0.0.1:1/v2.0',
      pollIntervalSec: 60,
    },
    sealedSecret: 'v1:sealed',
    status: { state: 'pending', message: null, lastSuccessAt: null, lastErrorAt: null },
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

function entity(id: string, states: ('OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN')[]): Entity {
  return {
    id,
    label: `server ${id} <b>&amp;</b>`,
    alarms: states.map((state, i) => ({
      id: `al${id}${i}`,
      label: `alarm ${i}`,
      state,
      status: state === 'UNKNOWN' ? null : `status ${i}`,
      since: state === 'UNKNOWN' ? null : 1_700_000_000_000 + i,
      checkId: `ch${i}`,
      checkLabel: i % 2 ? null : `check ${i}`,
      checkType: 'remote.ping',
    })),
  };
}

/** One behaviour for every Store implementation: each implementation's test file calls this. */
export function runStoreContract(name: string, make: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
      await store.init();
    });
    afterEach(async () => {
      await store.close();
    });

    authContract(() => store);
    gridContract(() => store);

    it('is idempotent to init twice', async () => {
      await store.init();
      expect(await store.listSources()).toEqual([]);
    });

    it('creates, lists, reads and deletes sources', async () => {
      await store.createSource(sampleSource('a', { createdAt: 2 }));
      await store.createSource(sampleSource('b', { createdAt: 1 }));
      expect((await store.listSources()).map((s) => s.id)).toEqual(['b', 'a']);
      expect(await store.getSource('a')).toEqual(sampleSource('a', { createdAt: 2 }));
      expect(await store.getSource('zz')).toBeUndefined();
      expect(await store.deleteSource('a')).toBe(true);
      expect(await store.deleteSource('a')).toBe(false);
      expect((await store.listSources()).map((s) => s.id)).toEqual(['b']);
    });

    it('rejects a duplicate source id', async () => {
      await store.createSource(sampleSource('a'));
      await expect(store.createSource(sampleSource('a'))).rejects.toThrow();
    });

    it('updates status and sealed secrets', async () => {
      await store.createSource(sampleSource('a'));
      const status = { state: 'error' as const, message: 'boom', lastSuccessAt: 5, lastErrorAt: 6 };
      await store.setSourceStatus('a', status);
      await store.updateSealedSecrets([{ id: 'a', sealedSecret: 'v1:new' }]);
      const got = await store.getSource('a');
      expect(got?.status).toEqual(status);
      expect(got?.sealedSecret).toBe('v1:new');
    });

    it('writes entities, replaces changed ones and removes gone ones', async () => {
      await store.createSource(sampleSource('a'));
      await store.createSource(sampleSource('b'));
      const e1 = entity('en1', ['OK', 'CRITICAL']);
      const e2 = entity('en2', ['UNKNOWN']);
      await store.writeEntities({ sourceId: 'a', upsert: [e2, e1], remove: [], transitions: [] });
      await store.writeEntities({ sourceId: 'b', upsert: [entity('en1', [])], remove: [], transitions: [] });
      expect(await store.listEntities('a')).toEqual([e1, e2]);
      const e1b = entity('en1', ['WARNING']);
      await store.writeEntities({ sourceId: 'a', upsert: [e1b], remove: ['en2'], transitions: [] });
      expect(await store.listEntities('a')).toEqual([e1b]);
      expect(await store.listEntities('b')).toEqual([entity('en1', [])]);
    });

    it('logs transitions and answers them by window', async () => {
      await store.createSource(sampleSource('a'));
      const t = (alarmId: string, at: number) => ({
        sourceId: 'a',
        entityId: 'en1',
        alarmId,
        from: null,
        to: 'OK' as const,
        at,
      });
      await store.writeEntities({
        sourceId: 'a',
        upsert: [],
        remove: [],
        transitions: [t('x', 10), t('y', 20), t('z', 30)],
      });
      expect((await store.listTransitions('a', 'en1', 10, 30)).map((x) => x.alarmId)).toEqual(['x', 'y']);
      expect(await store.listTransitions('a', 'other', 0, 100)).toEqual([]);
    });

    it("answers each alarm's state at a moment from the transition log", async () => {
      await store.createSource(sampleSource('a'));
      const t = (entityId: string, alarmId: string, to: 'OK' | 'CRITICAL', at: number) => ({
        sourceId: 'a',
        entityId,
        alarmId,
        from: null,
        to,
        at,
      });
      await store.writeEntities({
        sourceId: 'a',
        upsert: [],
        remove: [],
        transitions: [
          t('e1', 'x', 'OK', 10),
          t('e1', 'x', 'CRITICAL', 20),
          t('e1', 'y', 'OK', 30),
          t('e2', 'x', 'CRITICAL', 5),
        ],
      });
      expect(await store.alarmStatesAt('a', 4)).toEqual([]);
      expect(await store.alarmStatesAt('a', 15)).toEqual([
        { entityId: 'e1', alarmId: 'x', state: 'OK' },
        { entityId: 'e2', alarmId: 'x', state: 'CRITICAL' },
      ]);
      expect(await store.alarmStatesAt('a', 30)).toEqual([
        { entityId: 'e1', alarmId: 'x', state: 'CRITICAL' },
        { entityId: 'e1', alarmId: 'y', state: 'OK' },
        { entityId: 'e2', alarmId: 'x', state: 'CRITICAL' },
      ]);
    });

    it('drops entities and transitions with their source, and ignores writes for a deleted source', async () => {
      await store.createSource(sampleSource('a'));
      await store.writeEntities({
        sourceId: 'a',
        upsert: [entity('en1', ['OK'])],
        remove: [],
        transitions: [],
      });
      await store.deleteSource('a');
      await store.writeEntities({
        sourceId: 'a',
        upsert: [entity('en2', ['OK'])],
        remove: [],
        transitions: [],
      });
      expect(await store.listEntities('a')).toEqual([]);
    });
  });
}

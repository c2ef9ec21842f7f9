import { describe, expect, it } from 'vitest';
import { baseSnapshot, job } from './fixtures.js';
import { MAX_VMS, validateSnapshot } from './snapshot.js';

describe('validateSnapshot', () => {
  it('accepts a well-formed snapshot, with or without partial', () => {
    expect(validateSnapshot(baseSnapshot())).toEqual({ ok: true, value: baseSnapshot() });
    expect(
      validateSnapshot(
        baseSnapshot({ partial: { condor_q: 'condor_q exited 1: boom', 'condor_q:records': 'x' } }),
      ).ok,
    ).toBe(true);
  });

  it.each([
    ['an unknown top-level property', { ...baseSnapshot(), extra: 1 }, '/extra: unknown property'],
    [
      'a bad job status',
      baseSnapshot({ jobs: [{ ...job('1.0', 'a', 'idle'), status: 'lost' as 'idle' }] }),
      '/jobs/0/status',
    ],
    ['a job id that is not cluster.proc', baseSnapshot({ jobs: [job('x', 'a', 'idle')] }), '/jobs/0/id'],
    ['a grid name with a space', baseSnapshot({ grid: 'my grid' }), '/grid'],
    ['a snapshot id that is not a uuid', baseSnapshot({ snapshotId: 'nope' }), '/snapshotId'],
    [
      'an unknown VM property',
      baseSnapshot({ vms: [{ ...(baseSnapshot().vms[0] as object), ip: 'x' } as never] }),
      '/vms/0/ip',
    ],
    [
      'a negative quota',
      baseSnapshot({ clouds: [{ name: 'c', type: '', enabled: true, quota: -1 }] }),
      '/clouds/0/quota',
    ],
    ['version 2', { ...baseSnapshot(), version: 2 }, '/version'],
    ['a partial key that is not a command', baseSnapshot({ partial: { 'Bad Key': 'x' } }), '/partial'],
    ['not an object', 'hello', '/'],
  ])('refuses %s, naming the path', (_what, value, path) => {
    const result = validateSnapshot(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.startsWith(path)).toBe(true);
  });

  it('bounds the number of VMs', () => {
    const vm = baseSnapshot().vms[0];
    const vms = Array.from({ length: MAX_VMS + 1 }, () => vm as NonNullable<typeof vm>);
    const result = validateSnapshot(baseSnapshot({ vms }));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^\/vms: /) });
  });

  it('bounds string lengths', () => {
    const long = baseSnapshot({ jobs: [{ ...job('1.0', 'a', 'held'), holdReason: 'x'.repeat(5000) }] });
    expect(validateSnapshot(long)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^\/jobs\/0\/holdReason/),
    });
  });
});

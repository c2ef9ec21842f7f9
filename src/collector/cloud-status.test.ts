import { describe, expect, it } from 'vitest';
import {
  cloudStatusDown,
  mergeTextStatus,
  parseCloudStatusClouds,
  parseCloudStatusJson,
  parseCloudStatusVms,
} from './cloud-status.js';
import { CommandError } from './errors.js';
import { sample, sampleNames } from './samples.js';

const effective = (vm: { status: string; overrideStatus: string | null }) => vm.overrideStatus ?? vm.status;

describe('cloud_status -aj sample', () => {
  const parsed = parseCloudStatusJson(sample('cloud_status_aj.json'));

  it('reads clouds with type, enabled and quota (max_slots)', () => {
    expect(parsed.clouds).toEqual([
      { name: 'uvic-west', type: 'OpenStackNative', enabled: true, quota: 100 },
      { name: 'cc-east', type: 'OpenStackNative', enabled: true, quota: 40 },
      { name: 'aws-spot', type: 'AmazonEC2', enabled: false, quota: 0 },
    ]);
  });

  it('reads VMs with their cloud, status and override status', () => {
    expect(parsed.skipped).toEqual([]);
    expect(parsed.vms.map((v) => [v.cloud, v.vmtype, v.user, v.status, v.overrideStatus])).toEqual([
      ['uvic-west', 'belle-worker', 'belle', 'Running', null],
      ['uvic-west', 'belle-worker', 'belle', 'Running', 'Retiring'],
      ['uvic-west', 'atlas-mcore', 'atlas', 'Starting', null],
      ['cc-east', 'atlas-mcore', 'atlas', 'Error', null],
      ['cc-east', 'atlas-mcore', 'atlas', 'Running', null],
    ]);
    expect(parsed.vms[0]).toMatchObject({
      id: '6f1c2a9e-3b1d-4a7e-9c55-0d2f4e8b7a11',
      hostname: 'uvic-west-0a4d6c2e-8f1b-4f3e-a5c7-1e9d2b3c4f50',
    });
  });

  it('agrees with -m (which prints override-or-status) VM for VM', () => {
    const text = parseCloudStatusVms(sample('cloud_status_m.txt'));
    expect(text.vms.map((v) => [v.id, v.hostname, v.cloud, effective(v)])).toEqual(
      parsed.vms.map((v) => [v.id, v.hostname, v.cloud, effective(v)]),
    );
  });
});

describe('text fallback', () => {
  it('-a: clouds with quota from "VMS/MAX"', () => {
    expect(parseCloudStatusClouds(sample('cloud_status_a.txt'))).toEqual([
      { name: 'uvic-west', type: 'OpenStackNative', enabled: true, quota: 100 },
      { name: 'cc-east', type: 'OpenStackNative', enabled: true, quota: 40 },
      { name: 'aws-spot', type: 'AmazonEC2', enabled: false, quota: 0 },
    ]);
  });

  it('-c NAME: the same block for one cloud', () => {
    expect(parseCloudStatusClouds(sample('cloud_status_c_uvic_west.txt'))).toEqual([
      { name: 'uvic-west', type: 'OpenStackNative', enabled: true, quota: 100 },
    ]);
  });

  it('pre-1.12 "VM SLOTS" (remaining slots, not a quota) gives quota null', () => {
    const old =
      'Clusters in resource pool:\nCluster: c1 \nADDRESS CLOUD TYPE VM SLOTS MEMORY STORAGE PRIORITY ENABLED\nhttps://x   OpenStack   97   4000   20   0   True\n\n';
    expect(parseCloudStatusClouds(old)).toEqual([
      { name: 'c1', type: 'OpenStack', enabled: true, quota: null },
    ]);
  });

  it('-m: rows split on whitespace; blank, total and retiring-resource lines skipped', () => {
    const extra = `${sample('cloud_status_m.txt').trimEnd()}\n\nRetiring VMs from removing resources:\nid9 old-host:2222 t u Running gone-cloud\n`;
    const { vms, skipped } = parseCloudStatusVms(extra);
    expect(skipped).toEqual([]);
    expect(vms).toHaveLength(6);
    expect(vms[5]).toEqual({
      id: 'id9',
      hostname: 'old-host',
      vmtype: 't',
      user: 'u',
      status: 'Running',
      overrideStatus: null,
      cloud: 'gone-cloud',
    });
    const merged = mergeTextStatus(parseCloudStatusClouds(sample('cloud_status_a.txt')), {
      vms,
      clouds: [],
      skipped,
    });
    expect(merged.clouds.map((c) => c.name)).toEqual(['uvic-west', 'cc-east', 'aws-spot', 'gone-cloud']);
  });

  it('an unreadable -m row is skipped with a reason', () => {
    const { skipped } = parseCloudStatusVms(`${sample('cloud_status_m.txt')}\nonly three fields\n`);
    expect(skipped).toEqual(['unreadable VM row "only three fields"']);
  });
});

describe('server down and garbage', () => {
  it('recognises the connection failure (printed on stdout, exit 1)', () => {
    expect(cloudStatusDown(sample('cloud_status_down.txt'))).toBe(
      "/usr/local/bin/cloud_status: couldn't connect to cloud scheduler at condor.example.org on port 8111.",
    );
    expect(
      cloudStatusDown('Unexpected error:  <class socket.error> boom\nIs the cloud scheduler running'),
    ).toMatch(/^Unexpected error:/);
    expect(cloudStatusDown(sample('cloud_status_m.txt'))).toBeUndefined();
  });

  it('garbage is a parse error naming the command', () => {
    expect(() => parseCloudStatusJson('<html>oops</html>')).toThrow(
      'cloud_status -a -j: output is not JSON; it began "<html>oops</html>"',
    );
    expect(() => parseCloudStatusJson('{}')).toThrow('cloud_status -a -j: expected {"resources": [...]}');
    expect(() => parseCloudStatusVms('garbage')).toThrow(/^cloud_status -m: no VM table/);
    expect(() => parseCloudStatusClouds('garbage')).toThrow(/^cloud_status -a: unexpected output/);
  });

  it('VMs without an id and clouds without a name are skipped, not fatal', () => {
    const doc = {
      resources: [{ name: 'c', vms: [{ id: '' }, { id: 'v1', hostname: null, ipaddress: '10.0.0.1' }] }, {}],
    };
    const parsed = parseCloudStatusJson(JSON.stringify(doc));
    expect(parsed.vms).toEqual([
      {
        id: 'v1',
        hostname: '10.0.0.1',
        vmtype: '',
        user: '',
        status: 'Unknown',
        overrideStatus: null,
        cloud: 'c',
      },
    ]);
    expect(parsed.skipped).toEqual(['a VM of c has no id', 'resource 1 has no name']);
  });
});

describe('every cloud_status sample is parsed or clearly refused', () => {
  const readers = {
    json: (t: string) => parseCloudStatusJson(t),
    vms: (t: string) => parseCloudStatusVms(t),
    clouds: (t: string) => parseCloudStatusClouds(t),
  };
  const accepted: Record<string, (keyof typeof readers)[]> = {
    'cloud_status_aj.json': ['json'],
    'cloud_status_m.txt': ['vms'],
    'cloud_status_a.txt': ['clouds'],
    'cloud_status_c_uvic_west.txt': ['clouds'],
  };
  const names = sampleNames().filter((n) => n.startsWith('cloud_status'));

  it('there are samples to check', () => {
    expect(names.length).toBeGreaterThanOrEqual(13);
  });

  it.each(names)('%s', (name) => {
    const text = sample(name);
    for (const [kind, read] of Object.entries(readers)) {
      if (accepted[name]?.includes(kind as keyof typeof readers)) expect(() => read(text)).not.toThrow();
      else expect(() => read(text)).toThrow(CommandError);
    }
  });
});

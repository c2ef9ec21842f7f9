/** Check/alarm templates modelled on Rackspace's alarm examples and the 2014 capture's status texts. */
import { pick, type Rng, randInt } from './random.js';
import type { SimState } from './types.js';

export interface CheckTemplate {
  type: string;
  checkLabel: string;
  alarmLabel: string;
  remote: boolean;
  details: Record<string, unknown>;
  criteria: string;
  status: (state: SimState, rng: Rng) => string | null;
}

const pct = (rng: Rng, lo: number, hi: number) => (lo + rng() * (hi - lo)).toFixed(2);

function threeWay(ok: string, warn: string, crit: string) {
  return (state: SimState) => (state === 'OK' ? ok : state === 'WARNING' ? warn : crit);
}

function criteria(metric: string, warn: string, crit: string, ok: string): string {
  return (
    `if (metric['${metric}'] > 95) {\n  return new AlarmStatus(CRITICAL, '${crit}');\n}\n\n` +
    `if (metric['${metric}'] > 90) {\n  return new AlarmStatus(WARNING, '${warn}');\n}\n\n` +
    `return new AlarmStatus(OK, '${ok}');\n`
  );
}

export const TEMPLATES: readonly CheckTemplate[] = [
  {
    type: 'agent.cpu',
    checkLabel: 'CPU',
    alarmLabel: 'CPU usage',
    remote: false,
    details: {},
    criteria: criteria('usage_average', 'CPU usage is high', 'CPU usage is critical', 'CPU usage is normal'),
    status: (s, rng) =>
      s === 'OK'
        ? `CPU usage is ${pct(rng, 0, 85)}%, below your warning threshold of 90%`
        : s === 'WARNING'
          ? `CPU usage is ${pct(rng, 90, 95)}%, above your warning threshold of 90%`
          : `CPU usage is ${pct(rng, 95, 100)}%, above your critical threshold of 95%`,
  },
  {
    type: 'agent.memory',
    checkLabel: 'Memory',
    alarmLabel: 'Memory usage',
    remote: false,
    details: {},
    criteria: criteria('actual_used', 'Memory usage is high', 'Memory usage is critical', 'Memory is fine'),
    status: threeWay(
      'Memory usage is below your warning threshold of 80%',
      'Memory usage is above your warning threshold of 80%',
      'Memory usage is above your critical threshold of 90%',
    ),
  },
  {
    type: 'agent.filesystem',
    checkLabel: 'Filesystem /',
    alarmLabel: 'Disk space on /',
    remote: false,
    details: { target: '/' },
    criteria: criteria('used', 'Disk usage is high', 'Disk usage is critical', 'Disk usage is fine'),
    status: threeWay(
      'Disk usage is below your warning threshold of 80%',
      'Disk usage is above your warning threshold of 80%',
      'Disk usage is above your critical threshold of 90%',
    ),
  },
  {
    type: 'agent.load_average',
    checkLabel: 'Load Average',
    alarmLabel: 'High load average',
    remote: false,
    details: {},
    criteria: criteria('5m', 'Load is high', 'Load is critical', 'Load is fine'),
    status: (s, rng) =>
      s === 'OK'
        ? `5 minute load average is ${pct(rng, 0, 0.9)}, below your warning threshold of 1`
        : `5 minute load average is ${pct(rng, 1, 8)}, above your ${s === 'WARNING' ? 'warning' : 'critical'} threshold of ${s === 'WARNING' ? 1 : 4}`,
  },
  {
    type: 'agent.network',
    checkLabel: 'Network (eth0)',
    alarmLabel: 'Network transmit rate',
    remote: false,
    details: { target: 'eth0' },
    criteria: criteria('tx_bytes', 'Transmit rate high', 'Transmit rate critical', 'Transmit rate fine'),
    status: (s, rng) =>
      s === 'OK'
        ? 'Network transmit rate on eth0 is below your warning threshold of 262144B/s'
        : s === 'WARNING'
          ? 'Network transmit rate on eth0 is above your warning threshold of 262144B/s'
          : pick(rng, [
              'Network transmit rate on eth0 is above your critical threshold of 393216B/s',
              'metric "tx_bytes" is not available',
            ]),
  },
  {
    type: 'remote.ping',
    checkLabel: 'Ping',
    alarmLabel: 'Ping packet loss',
    remote: true,
    details: { count: 5 },
    criteria: criteria(
      'available',
      'Packet loss is greater than 5%',
      'Packet loss is greater than 20%',
      'ok',
    ),
    status: (s, rng) =>
      s === 'OK'
        ? 'Packet loss is normal'
        : s === 'WARNING'
          ? 'Packet loss is greater than 5%'
          : pick(rng, ['Packet loss is greater than 20%', '100% Packet loss.']),
  },
  {
    type: 'remote.http',
    checkLabel: 'Website',
    alarmLabel: 'HTTP status code',
    remote: true,
    details: { url: 'https://www.example.com/health', method: 'GET', follow_redirects: true, body: null },
    criteria: criteria('code', 'HTTP slow', 'HTTP server responding with 5xx status', 'ok'),
    status: (s, rng) =>
      s === 'OK'
        ? 'HTTP server is functioning normally'
        : s === 'WARNING'
          ? `HTTP connection time is ${randInt(rng, 2001, 4000)} ms, above your warning threshold of 2000 ms`
          : pick(rng, ['HTTP server responding with 5xx status', 'Connection refused']),
  },
  {
    type: 'remote.tcp',
    checkLabel: 'MySQL port',
    alarmLabel: 'MySQL connect',
    remote: true,
    details: { port: 3306, ssl: false },
    criteria: "if (metric['duration'] > 2000) { return new AlarmStatus(WARNING, 'Slow connect'); } return OK",
    // The short form `return OK` carries no status text: the field is then absent.
    status: threeWay('', 'Slow connect', 'Connection refused'),
  },
  {
    type: 'remote.dns',
    checkLabel: 'DNS',
    alarmLabel: 'DNS resolution',
    remote: true,
    details: { query: 'www.example.com', record_type: 'A' },
    criteria: criteria('duration', 'DNS slow', 'DNS failed', 'DNS fine'),
    status: threeWay('DNS resolution is normal', 'DNS resolution is slow', 'DNS query failed: NXDOMAIN'),
  },
  {
    type: 'remote.smtp',
    checkLabel: 'SMTP',
    alarmLabel: 'SMTP banner',
    remote: true,
    details: { starttls: false },
    criteria: criteria('duration', 'SMTP slow', 'SMTP down', 'SMTP fine'),
    status: threeWay('SMTP banner is normal', 'SMTP connection time is above 3000 ms', 'Connection refused'),
  },
  {
    type: 'agent.disk',
    checkLabel: 'Disk /dev/xvda1',
    alarmLabel: 'Disk queue length',
    remote: false,
    details: { target: '/dev/xvda1' },
    criteria: criteria('queue_length', 'Disk queue is long', 'Disk queue is very long', 'Disk queue fine'),
    status: (s, rng) =>
      `Average disk queue length is ${pct(rng, s === 'OK' ? 0 : 4, s === 'OK' ? 2 : 20)}, ${s === 'OK' ? 'below' : 'above'} your warning threshold of 4`,
  },
];

/** Status text for a template, or null when the criteria's branch has no message. */
export function statusFor(template: number, state: SimState, rng: Rng): string | null {
  const t = TEMPLATES[template];
  const text = t ? t.status(state, rng) : null;
  return text === '' ? null : text;
}

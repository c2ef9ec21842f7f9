import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';

export const AMQP_BASE = process.env.CMON_TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const REQUIRED = process.env.CMON_REQUIRE_SERVICES === '1';

function rabbitmqctl(...args: string[]): string {
  return execFileSync('rabbitmqctl', args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
}

/**
 * A vhost of its own for a test file, so its queues never meet another file's (the names are
 * fixed by the collector/server contract). Undefined (after a loud warning) when RabbitMQ or
 * rabbitmqctl is not there, unless CMON_REQUIRE_SERVICES=1, where that is an error.
 */
export async function testVhost(): Promise<{ url: string; drop: () => void } | undefined> {
  const vhost = `cmon-test-${randomUUID().slice(0, 8)}`;
  try {
    const probe = await amqp.connect(AMQP_BASE, { timeout: 3000 });
    await probe.close();
    rabbitmqctl('add_vhost', vhost);
    rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
  } catch (err) {
    const why = (err as Error).message.split('\n')[0];
    if (REQUIRED) throw new Error(`RabbitMQ is required (CMON_REQUIRE_SERVICES=1) but not usable: ${why}`);
    console.warn(`\n*** SKIPPING RabbitMQ tests: RabbitMQ or rabbitmqctl not usable (${why}) ***\n`);
    return undefined;
  }
  return {
    url: `${AMQP_BASE}/${vhost}`,
    drop: () => {
      try {
        rabbitmqctl('delete_vhost', vhost);
      } catch {
        // best effort: a leftover test vhost is harmless
      }
    },
  };
}

export { rabbitmqctl };

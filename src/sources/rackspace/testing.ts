/** Test helpers: a started simulator and clients pointed at it. Not used by production code. */
import { RackspaceSim, type SimAccount, type SimOptions } from '../../sim/rackspace/sim.js';
import { type ClientOptions, RackspaceClient } from './client.js';

export interface SimFixture {
  sim: RackspaceSim;
  account: SimAccount;
  /** Delays the client asked to sleep, in ms; the fake sleep returns at once. */
  sleeps: number[];
  client: (opts?: ClientOptions, account?: SimAccount) => RackspaceClient;
}

export async function startSim(opts: Partial<SimOptions> = {}): Promise<SimFixture> {
  const sim = new RackspaceSim({ accounts: 1, servers: 5, seed: 7, ...opts });
  await sim.start();
  const account = sim.accounts()[0];
  if (!account) throw new Error('sim has no accounts');
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  const client = (o: ClientOptions = {}, a: SimAccount = account) =>
    new RackspaceClient(
      { username: a.username, apiKey: a.apiKey, identityUrl: sim.identityUrl },
      { sleep, ...o },
    );
  return { sim, account, sleeps, client };
}

/** Resolves with the rejection so tests can assert on a RackspaceError's fields. */
export async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

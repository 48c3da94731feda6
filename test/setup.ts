// Shared test setup. Nothing here may reach the network: nock refuses every connection that no
// interceptor matches (local servers started by a test are allowed), and a test that leaves an
// interceptor unused fails, so a mocked GitHub call that never happened cannot go unnoticed.
import fc from 'fast-check';
import nock from 'nock';
import { afterEach } from 'vitest';

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (pending.length > 0) throw new Error(`unused GitHub mocks: ${pending.join(', ')}`);
});

// Property tests run on a fixed seed, so CI is reproducible; set MESHGUARD_FC_SEED to a number
// to replay a reported failure, or to `random` to explore new cases (and MESHGUARD_FC_RUNS to
// multiply how many each property tries).
const seedSetting = process.env.MESHGUARD_FC_SEED;
const runsFactor = Number(process.env.MESHGUARD_FC_RUNS ?? 1);
fc.configureGlobal({
  ...(seedSetting === 'random' ? {} : { seed: Number(seedSetting ?? 20261125) }),
  ...(runsFactor > 1 ? { numRuns: 100 * runsFactor } : {}),
});

// Shared test setup. Nothing here may reach the network: nock refuses every connection that no
// interceptor matches (local servers started by a test are allowed), and a test that leaves an
// interceptor unused fails, so a mocked GitHub call that never happened cannot go unnoticed.
import nock from 'nock';
import { afterEach } from 'vitest';

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (pending.length > 0) throw new Error(`unused GitHub mocks: ${pending.join(', ')}`);
});

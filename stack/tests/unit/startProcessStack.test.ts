import { describe, expect, it } from 'vitest';
import { startProcessStack } from '../../src/startProcessStack.ts';

describe('startProcessStack', () => {
  // Refused before any process starts: nothing to stop afterwards.
  it('refuses replicas of a subgraph without a shared MongoDB, naming them', async () => {
    await expect(
      startProcessStack({
        amqpUrl: 'amqp://guest:guest@127.0.0.1:5672',
        replicas: { catalog: 2, trading: 3, router: 2 },
      }),
    ).rejects.toThrow(
      /^replicas of catalog, trading need a shared MongoDB \(mongodbUrl, e\.g\. from MONGODB_URL\)/,
    );
  });

  it('refuses a replica count that is not a whole number from 1', async () => {
    await expect(
      startProcessStack({ amqpUrl: 'amqp://127.0.0.1', replicas: { router: 0 } }),
    ).rejects.toThrow('replicas.router must be a whole number from 1, not 0');
  });
});

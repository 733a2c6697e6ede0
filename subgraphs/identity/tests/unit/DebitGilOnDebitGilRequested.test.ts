import { createMessage } from '@play-economy/chassis/domain';
import { describe, expect, it } from 'vitest';
import { anIdentity } from '../support/anIdentity.ts';

const debit = (payload: Record<string, unknown>) =>
  createMessage('trading.purchase.debit_gil', payload);

describe('DebitGilOnDebitGilRequested', () => {
  it('debits once and replies gil.debited plus gil.changed, however often the command comes', async () => {
    const identity = await anIdentity();
    const { viewer } = await identity.player();
    const command = debit({ purchaseId: 'p-1', userId: viewer.userId, amount: 30 });
    await identity.debitGil.handle(command);
    await identity.debitGil.handle(command);
    expect((await identity.useCases.getViewer.execute(viewer))?.gil).toBe(70);
    const replies = (await identity.published()).filter((m) => m.type.startsWith('identity.gil'));
    expect(replies.map(({ type, payload }) => ({ type, payload }))).toEqual([
      {
        type: 'identity.gil.debited',
        payload: { purchaseId: 'p-1', userId: viewer.userId, amount: 30, balance: 70 },
      },
      { type: 'identity.gil.changed', payload: { userId: viewer.userId, balance: 70, delta: -30 } },
    ]);
  });

  it('replies debit_failed with INSUFFICIENT_GIL, changing nothing', async () => {
    const identity = await anIdentity();
    const { viewer } = await identity.player();
    await identity.debitGil.handle(
      debit({ purchaseId: 'p-2', userId: viewer.userId, amount: 101 }),
    );
    expect((await identity.useCases.getViewer.execute(viewer))?.gil).toBe(100);
    expect((await identity.published('identity.gil.debit_failed')).map((m) => m.payload)).toEqual([
      { purchaseId: 'p-2', userId: viewer.userId, amount: 101, reason: 'INSUFFICIENT_GIL' },
    ]);
    expect(await identity.published('identity.gil.changed')).toEqual([]);
  });

  it('replies debit_failed with UNKNOWN_USER', async () => {
    const identity = await anIdentity();
    await identity.debitGil.handle(debit({ purchaseId: 'p-3', userId: 'nobody', amount: 1 }));
    expect((await identity.published('identity.gil.debit_failed')).map((m) => m.payload)).toEqual([
      { purchaseId: 'p-3', userId: 'nobody', amount: 1, reason: 'UNKNOWN_USER' },
    ]);
  });

  it.each([
    { purchaseId: 'p', userId: 'u' },
    { purchaseId: 'p', userId: 'u', amount: 0 },
    { purchaseId: 'p', userId: 'u', amount: -5 },
    { purchaseId: 'p', userId: 'u', amount: 1.5 },
    { purchaseId: '', userId: 'u', amount: 5 },
  ])(
    'refuses a malformed command %j by its contract, so the bus dead-letters it',
    async (payload) => {
      const identity = await anIdentity();
      await expect(identity.debitGil.handle(debit(payload))).rejects.toThrow(
        /trading\.purchase\.debit_gil .* does not match its contract/,
      );
      expect(await identity.published()).toEqual([]);
    },
  );
});

import { createMessage } from '@play-economy/chassis/domain';
import { describe, expect, it } from 'vitest';
import { GIL_MAX } from '../../src/domain/GilRules.ts';
import { anIdentity } from '../support/anIdentity.ts';

const refund = (payload: Record<string, unknown>) =>
  createMessage('trading.purchase.refund_gil', payload);

describe('RefundGilOnRefundGilRequested', () => {
  it('credits a late debit back once and announces it, however often the command comes', async () => {
    const identity = await anIdentity();
    const { viewer } = await identity.player();
    await identity.debitGil.handle(
      createMessage('trading.purchase.debit_gil', {
        purchaseId: 'p-1',
        userId: viewer.userId,
        amount: 30,
      }),
    );
    const command = refund({ purchaseId: 'p-1', userId: viewer.userId, amount: 30 });
    await identity.refundGil.handle(command);
    await identity.refundGil.handle(command);
    expect((await identity.useCases.getViewer.execute(viewer))?.gil).toBe(100);
    expect((await identity.published('identity.gil.refunded')).map((m) => m.payload)).toEqual([
      { purchaseId: 'p-1', userId: viewer.userId, amount: 30, balance: 100 },
    ]);
    expect((await identity.published('identity.gil.changed')).map((m) => m.payload)).toEqual([
      { userId: viewer.userId, balance: 70, delta: -30 },
      { userId: viewer.userId, balance: 100, delta: 30 },
    ]);
  });

  it('fails (to be retried, then dead-lettered) when the gil cannot be credited', async () => {
    const identity = await anIdentity();
    const { viewer } = await identity.player();
    await expect(
      identity.refundGil.handle(refund({ purchaseId: 'p-2', userId: 'nobody', amount: 5 })),
    ).rejects.toThrow(/UNKNOWN_USER/);
    await expect(
      identity.refundGil.handle(
        refund({ purchaseId: 'p-3', userId: viewer.userId, amount: GIL_MAX }),
      ),
    ).rejects.toThrow(/TOO_MUCH_GIL/);
    expect((await identity.useCases.getViewer.execute(viewer))?.gil).toBe(100);
    expect(await identity.published('identity.gil.refunded')).toEqual([]);
  });

  it.each([
    { purchaseId: 'p', userId: 'u' },
    { purchaseId: 'p', userId: 'u', amount: 0 },
    { purchaseId: 'p', userId: '', amount: 5 },
  ])('refuses a malformed command %j by its contract', async (payload) => {
    const identity = await anIdentity();
    await expect(identity.refundGil.handle(refund(payload))).rejects.toThrow(
      /trading\.purchase\.refund_gil .* does not match its contract/,
    );
  });
});

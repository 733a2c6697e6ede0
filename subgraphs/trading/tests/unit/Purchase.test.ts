import { describe, expect, it } from 'vitest';
import { FailureReason, type Purchase } from '../../src/domain/Purchase.ts';
import { aPurchase } from '../support/aPurchase.ts';

const later = (seconds: number) =>
  new Date(Date.parse('2026-01-01T00:00:00.000Z') + seconds * 1000);
const POLICY = { timeoutMs: 30_000, maxAttempts: 3 };

function typesOf(purchase: Purchase): string[] {
  return purchase.pullMessages().map((message) => message.type);
}

/** A purchase whose items were granted, its accept messages already pulled. */
function granted(): Purchase {
  const purchase = aPurchase().build();
  purchase.itemsGranted(later(1));
  purchase.pullMessages();
  return purchase;
}

describe('Purchase', () => {
  it('is accepted with total = price × quantity and asks inventory for the items', () => {
    const purchase = aPurchase().by('u-7').of(3, 'potion').pricedAt(25).build();
    expect(purchase).toMatchObject({
      state: 'ACCEPTED',
      total: 75,
      quantity: 3,
      failureReason: null,
      version: 1,
    });
    const [grant, updated, ...rest] = purchase.pullMessages();
    expect(rest).toEqual([]);
    expect(grant).toMatchObject({
      type: 'trading.purchase.grant_items',
      payload: { purchaseId: purchase.id, userId: 'u-7', itemId: 'potion', quantity: 3 },
    });
    expect(updated).toMatchObject({
      type: 'trading.purchase.updated',
      payload: {
        purchaseId: purchase.id,
        userId: 'u-7',
        itemId: 'potion',
        quantity: 3,
        total: 75,
        state: 'ACCEPTED',
        failureReason: null,
        version: 1,
      },
    });
    expect(purchase.pendingCommand?.id).toBe(grant?.id);
  });

  it.each([0, 101, 1.5, -1])('refuses quantity %s', (quantity) => {
    expect(() => aPurchase().of(quantity).build()).toThrow(/quantity/);
  });

  it.each(['', 'x'.repeat(101)])('refuses an idempotency key of %s characters', (key) => {
    expect(() => aPurchase().withKey(key).build()).toThrow(/idempotencyKey/);
  });

  it('accepts the boundaries: quantity 1 and 100, a key of 100 characters', () => {
    expect(aPurchase().of(1).build().quantity).toBe(1);
    expect(aPurchase().of(100).withKey('k'.repeat(100)).build().quantity).toBe(100);
  });

  it('ACCEPTED --items granted--> ITEMS_GRANTED, asking identity for the total', () => {
    const purchase = aPurchase().pricedAt(40).of(2).build();
    purchase.pullMessages();
    expect(purchase.itemsGranted(later(1))).toBe(true);
    expect(purchase.state).toBe('ITEMS_GRANTED');
    const [debit, updated] = purchase.pullMessages();
    expect(debit).toMatchObject({
      type: 'trading.purchase.debit_gil',
      payload: { purchaseId: purchase.id, userId: 'user-1', amount: 80 },
    });
    expect(updated).toMatchObject({ payload: { state: 'ITEMS_GRANTED', version: 2 } });
    expect(purchase.updatedAt).toEqual(later(1));
  });

  it('ACCEPTED --grant failed--> FAULTED: the item is no longer sold', () => {
    const purchase = aPurchase().build();
    purchase.pullMessages();
    expect(purchase.grantFailed(later(1))).toBe(true);
    expect(purchase).toMatchObject({
      state: 'FAULTED',
      failureReason: FailureReason.NoLongerSold,
      pendingCommand: null,
    });
    expect(typesOf(purchase)).toEqual(['trading.purchase.updated']);
  });

  it('ITEMS_GRANTED --gil debited--> COMPLETED', () => {
    const purchase = granted();
    expect(purchase.gilDebited(later(2))).toBe(true);
    expect(purchase).toMatchObject({ state: 'COMPLETED', failureReason: null, isSettled: true });
    expect(typesOf(purchase)).toEqual(['trading.purchase.updated']);
  });

  it('ITEMS_GRANTED --debit failed--> takes the items back, then FAULTED in player words', () => {
    const purchase = aPurchase().pricedAt(70).of(2).build();
    purchase.itemsGranted(later(1));
    purchase.pullMessages();
    expect(purchase.gilDebitFailed('INSUFFICIENT_GIL', later(2))).toBe(true);
    expect(purchase).toMatchObject({ state: 'ITEMS_GRANTED', compensating: true });
    const [subtract, updated] = purchase.pullMessages();
    expect(subtract).toMatchObject({
      type: 'trading.purchase.subtract_items',
      payload: { purchaseId: purchase.id, userId: 'user-1', itemId: 'item-1', quantity: 2 },
    });
    expect(updated?.type).toBe('trading.purchase.updated');

    expect(purchase.itemsSubtracted(later(3))).toBe(true);
    expect(purchase).toMatchObject({
      state: 'FAULTED',
      compensating: false,
      failureReason: 'Not enough gil: the purchase costs 140 gil',
    });
    expect(typesOf(purchase)).toEqual(['trading.purchase.updated']);
  });

  it('says so in other words when identity does not know the buyer', () => {
    const purchase = granted();
    purchase.gilDebitFailed('UNKNOWN_USER', later(2));
    purchase.itemsSubtracted(later(3));
    expect(purchase.failureReason).toBe(FailureReason.UnknownBuyer);
  });

  describe('refuses transitions that do not fit, changing nothing', () => {
    const cases: [string, () => Purchase, (purchase: Purchase) => boolean][] = [
      ['gil debited while ACCEPTED', () => aPurchase().build(), (p) => p.gilDebited(later(5))],
      [
        'debit failed while ACCEPTED',
        () => aPurchase().build(),
        (p) => p.gilDebitFailed('INSUFFICIENT_GIL', later(5)),
      ],
      [
        'items subtracted while ACCEPTED',
        () => aPurchase().build(),
        (p) => p.itemsSubtracted(later(5)),
      ],
      ['items granted twice', granted, (p) => p.itemsGranted(later(5))],
      ['grant failed after the grant', granted, (p) => p.grantFailed(later(5))],
      ['items subtracted without a failed debit', granted, (p) => p.itemsSubtracted(later(5))],
      [
        'gil debited while taking the items back',
        () => {
          const p = granted();
          p.gilDebitFailed('INSUFFICIENT_GIL', later(2));
          p.pullMessages();
          return p;
        },
        (p) => p.gilDebited(later(5)),
      ],
      [
        'debit failed twice',
        () => {
          const p = granted();
          p.gilDebitFailed('INSUFFICIENT_GIL', later(2));
          p.pullMessages();
          return p;
        },
        (p) => p.gilDebitFailed('INSUFFICIENT_GIL', later(5)),
      ],
      [
        'anything after COMPLETED',
        () => {
          const p = granted();
          p.gilDebited(later(2));
          p.pullMessages();
          return p;
        },
        (p) =>
          p.gilDebited(later(5)) ||
          p.itemsGranted(later(5)) ||
          p.gilDebitFailed('INSUFFICIENT_GIL', later(5)) ||
          p.itemsSubtracted(later(5)) ||
          p.grantFailed(later(5)),
      ],
      [
        'anything after a grant failure',
        () => {
          const p = aPurchase().build();
          p.grantFailed(later(1));
          p.pullMessages();
          return p;
        },
        (p) =>
          p.itemsGranted(later(5)) ||
          p.gilDebited(later(5)) ||
          p.grantFailed(later(5)) ||
          p.itemsSubtracted(later(5)),
      ],
    ];
    it.each(cases)('%s', (_name, build, transition) => {
      const purchase = build();
      purchase.pullMessages();
      const before = purchase.toData();
      expect(transition(purchase)).toBe(false);
      expect(purchase.toData()).toEqual(before);
      expect(purchase.pullMessages()).toEqual([]);
    });
  });

  describe('the stalled-purchase rule', () => {
    it('is not due before the step timeout', () => {
      const purchase = aPurchase().build();
      purchase.pullMessages();
      expect(purchase.isStalled(later(29), POLICY.timeoutMs)).toBe(false);
      expect(purchase.expire(later(29), POLICY)).toBe('not-due');
      expect(purchase.pullMessages()).toEqual([]);
    });

    it('re-sends the very same command message, up to the attempt limit', () => {
      const purchase = aPurchase().build();
      const [grant] = purchase.pullMessages();
      expect(purchase.expire(later(30), POLICY)).toBe('resent');
      expect(purchase.pullMessages()).toEqual([grant]);
      expect(purchase.attempts).toBe(2);
      expect(purchase.state).toBe('ACCEPTED');
      // The clock restarts from the re-send.
      expect(purchase.expire(later(59), POLICY)).toBe('not-due');
      expect(purchase.expire(later(60), POLICY)).toBe('resent');
      expect(purchase.attempts).toBe(3);
    });

    it('faults a grant that never got an answer, and takes back one confirmed later', () => {
      const purchase = aPurchase().build();
      purchase.pullMessages();
      purchase.expire(later(30), POLICY);
      purchase.expire(later(60), POLICY);
      purchase.pullMessages();
      expect(purchase.expire(later(90), POLICY)).toBe('gave-up');
      expect(purchase).toMatchObject({
        state: 'FAULTED',
        failureReason: FailureReason.GrantTimedOut,
      });
      expect(typesOf(purchase)).toEqual(['trading.purchase.updated']);

      // The grant happened after all: its items go back, once.
      expect(purchase.itemsGranted(later(100))).toBe(true);
      expect(purchase.state).toBe('FAULTED');
      expect(typesOf(purchase)).toEqual(['trading.purchase.subtract_items']);
      expect(purchase.itemsGranted(later(101))).toBe(false);
      expect(purchase.pullMessages()).toEqual([]);
    });

    it('gives up on an unanswered debit by taking the items back, then faults', () => {
      const purchase = granted();
      purchase.expire(later(31), POLICY);
      purchase.expire(later(61), POLICY);
      purchase.pullMessages();
      expect(purchase.expire(later(91), POLICY)).toBe('gave-up');
      expect(purchase).toMatchObject({ state: 'ITEMS_GRANTED', compensating: true });
      expect(typesOf(purchase)).toEqual([
        'trading.purchase.subtract_items',
        'trading.purchase.updated',
      ]);
      purchase.itemsSubtracted(later(93));
      expect(purchase).toMatchObject({
        state: 'FAULTED',
        failureReason: FailureReason.DebitTimedOut,
      });
      expect(typesOf(purchase)).toEqual(['trading.purchase.updated']);
    });

    /** A purchase that gave up on its debit and is taking its items back. */
    function gaveUpOnDebit(): Purchase {
      const purchase = granted();
      purchase.expire(later(31), POLICY);
      purchase.expire(later(61), POLICY);
      purchase.expire(later(91), POLICY);
      purchase.pullMessages();
      return purchase;
    }

    it('refunds a debit confirmed after it gave up, while taking the items back', () => {
      const purchase = gaveUpOnDebit();
      const version = purchase.version;
      expect(purchase.gilDebited(later(92))).toBe(true);
      const [refund, ...rest] = purchase.pullMessages();
      expect(rest).toEqual([]);
      expect(refund).toMatchObject({
        type: 'trading.purchase.refund_gil',
        payload: { purchaseId: purchase.id, userId: purchase.userId, amount: purchase.total },
      });
      // Never COMPLETED: the items are still going back, and the purchase still faults.
      expect(purchase).toMatchObject({
        state: 'ITEMS_GRANTED',
        compensating: true,
        version: version + 1,
      });
      expect(purchase.itemsSubtracted(later(93))).toBe(true);
      expect(purchase).toMatchObject({
        state: 'FAULTED',
        failureReason: FailureReason.DebitTimedOut,
      });
    });

    it('refunds a debit confirmed after it faulted, exactly once', () => {
      const purchase = gaveUpOnDebit();
      purchase.itemsSubtracted(later(92));
      purchase.pullMessages();
      const updatedAt = purchase.updatedAt;
      expect(purchase.gilDebited(later(500))).toBe(true);
      expect(typesOf(purchase)).toEqual(['trading.purchase.refund_gil']);
      // Invisible to the player: the purchase stays FAULTED as it was.
      expect(purchase).toMatchObject({ state: 'FAULTED', updatedAt });
      expect(purchase.gilDebited(later(501))).toBe(false);
      expect(purchase.pullMessages()).toEqual([]);
    });

    it('owes nothing back when identity refused the late debit', () => {
      const purchase = gaveUpOnDebit();
      purchase.itemsSubtracted(later(92));
      purchase.pullMessages();
      expect(purchase.gilDebitFailed('INSUFFICIENT_GIL', later(93))).toBe(true);
      expect(purchase.pullMessages()).toEqual([]);
      expect(purchase.state).toBe('FAULTED');
      // Identity answers a debit once; should another confirmation come, it refunds nothing.
      expect(purchase.gilDebited(later(94))).toBe(false);
      expect(purchase.pullMessages()).toEqual([]);
    });

    it('refunds nothing for a purchase that faulted for lack of gil', () => {
      const purchase = granted();
      purchase.gilDebitFailed('INSUFFICIENT_GIL', later(2));
      purchase.itemsSubtracted(later(3));
      purchase.pullMessages();
      expect(purchase.gilDebited(later(4))).toBe(false);
      expect(purchase.pullMessages()).toEqual([]);
    });

    it('never gives up taking items back', () => {
      const purchase = granted();
      purchase.gilDebitFailed('INSUFFICIENT_GIL', later(2));
      const [subtract] = purchase.pullMessages();
      for (let step = 1; step <= 10; step++) {
        expect(purchase.expire(later(2 + step * 30), POLICY)).toBe('resent');
        expect(purchase.pullMessages()).toEqual([subtract]);
      }
    });

    it('leaves settled purchases alone', () => {
      const purchase = granted();
      purchase.gilDebited(later(2));
      purchase.pullMessages();
      expect(purchase.expire(later(10_000), POLICY)).toBe('not-due');
    });
  });
});

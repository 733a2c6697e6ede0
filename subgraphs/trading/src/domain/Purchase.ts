import { randomUUID } from 'node:crypto';
import type { Message } from '@play-economy/chassis/domain';
import {
  totalOf,
  validIdempotencyKey,
  validQuantity,
  type StepTimeoutPolicy,
} from './PurchaseRules.ts';
import type { GilDebitFailureReason } from '@play-economy/identity/messages';
import {
  DebitGil,
  GrantItems,
  PurchaseUpdated,
  RefundGil,
  SubtractItems,
  type DebitGilPayload,
  type GrantItemsPayload,
  type PurchaseUpdatedPayload,
} from './TradingMessages.ts';

export const PurchaseState = {
  Accepted: 'ACCEPTED',
  ItemsGranted: 'ITEMS_GRANTED',
  Completed: 'COMPLETED',
  Faulted: 'FAULTED',
} as const;

export type PurchaseState = (typeof PurchaseState)[keyof typeof PurchaseState];

/** Failure reasons, in the player's words. */
export const FailureReason = {
  NoLongerSold: 'The item is no longer sold',
  notEnoughGil: (total: number) => `Not enough gil: the purchase costs ${total} gil`,
  UnknownBuyer: 'Your account could not be charged',
  GrantTimedOut: 'The store did not answer in time; nothing was charged',
  DebitTimedOut: 'The payment did not go through in time; any gil taken is refunded',
} as const;

/** A purchase's persisted state. */
export interface PurchaseData {
  id: string;
  userId: string;
  itemId: string;
  quantity: number;
  unitPrice: number;
  total: number;
  idempotencyKey: string;
  state: PurchaseState;
  /** Set once FAULTED. */
  failureReason: string | null;
  /** Items are being taken back; the purchase faults with `compensationReason` when they are. */
  compensating: boolean;
  compensationReason: string | null;
  /**
   * The command waiting for its reply. A timed-out step re-sends this very message (same id),
   * so a receiver that did handle it dedupes it in its inbox instead of acting twice.
   */
  pendingCommand: Message | null;
  /** Sends of `pendingCommand` so far. */
  attempts: number;
  /** When `pendingCommand` was last sent. */
  lastSentAt: Date | null;
  /**
   * The purchase faulted without knowing whether its items were granted (the grant timed out);
   * a grant confirmed later is taken back.
   */
  grantUnconfirmed: boolean;
  /**
   * The purchase stopped waiting for its debit (it timed out) without knowing whether identity
   * took the gil; a debit confirmed later is refunded.
   */
  debitUnconfirmed: boolean;
  /** Increases with every change; saves are conditional on it. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewPurchase {
  userId: string;
  itemId: string;
  quantity: number;
  /** The item's price in trading's copy of the catalog. */
  unitPrice: number;
  idempotencyKey: string;
}

/** What the stalled-purchase rule did to a purchase. */
export type ExpiryOutcome = 'not-due' | 'resent' | 'gave-up';

/**
 * A player's purchase and its saga. Every transition is guarded here: a reply that does not fit
 * the current state (stale, duplicated, out of order) changes nothing and returns false.
 * Messages to publish are recorded and pulled by the application, which commits them with the
 * new state.
 */
export class Purchase {
  readonly #messages: Message[] = [];

  private constructor(private data: PurchaseData) {}

  /** Accepts a new purchase and asks inventory to grant the items. */
  static accept(fields: NewPurchase, id: string, now: Date): Purchase {
    const quantity = validQuantity(fields.quantity);
    const purchase = new Purchase({
      id,
      userId: fields.userId,
      itemId: fields.itemId,
      quantity,
      unitPrice: fields.unitPrice,
      total: totalOf(fields.unitPrice, quantity),
      idempotencyKey: validIdempotencyKey(fields.idempotencyKey),
      state: PurchaseState.Accepted,
      failureReason: null,
      compensating: false,
      compensationReason: null,
      pendingCommand: null,
      attempts: 0,
      lastSentAt: null,
      grantUnconfirmed: false,
      debitUnconfirmed: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    purchase.#send(purchase.#command(GrantItems.type, now), now);
    purchase.#announce();
    return purchase;
  }

  /** Rebuilds a purchase from storage; records nothing. */
  static restore(data: PurchaseData): Purchase {
    return new Purchase({ ...data });
  }

  get id(): string {
    return this.data.id;
  }
  get userId(): string {
    return this.data.userId;
  }
  get itemId(): string {
    return this.data.itemId;
  }
  get quantity(): number {
    return this.data.quantity;
  }
  get total(): number {
    return this.data.total;
  }
  get idempotencyKey(): string {
    return this.data.idempotencyKey;
  }
  get state(): PurchaseState {
    return this.data.state;
  }
  get failureReason(): string | null {
    return this.data.failureReason;
  }
  get compensating(): boolean {
    return this.data.compensating;
  }
  get pendingCommand(): Message | null {
    return this.data.pendingCommand;
  }
  get attempts(): number {
    return this.data.attempts;
  }
  get version(): number {
    return this.data.version;
  }
  get createdAt(): Date {
    return this.data.createdAt;
  }
  get updatedAt(): Date {
    return this.data.updatedAt;
  }

  /** Whether the purchase has reached COMPLETED or FAULTED. */
  get isSettled(): boolean {
    return this.data.state === PurchaseState.Completed || this.data.state === PurchaseState.Faulted;
  }

  /** Whether another request with this key asks for the same thing as this purchase. */
  matches(itemId: string, quantity: number): boolean {
    return this.data.itemId === itemId && this.data.quantity === quantity;
  }

  /**
   * ACCEPTED → ITEMS_GRANTED, asking identity for the gil. A grant confirmed after the purchase
   * gave up waiting for it is taken back instead.
   */
  itemsGranted(now: Date): boolean {
    if (this.data.state === PurchaseState.Accepted) {
      this.#change({ state: PurchaseState.ItemsGranted }, now);
      this.#send(this.#command(DebitGil.type, now), now);
      this.#announce();
      return true;
    }
    if (this.data.state === PurchaseState.Faulted && this.data.grantUnconfirmed) {
      this.#change({ grantUnconfirmed: false }, now, false);
      // Fire and forget: the purchase is settled, nothing waits for the reply.
      this.#messages.push(this.#command(SubtractItems.type, now));
      return true;
    }
    return false;
  }

  /** ACCEPTED → FAULTED: inventory would not grant the items. */
  grantFailed(now: Date): boolean {
    if (this.data.state !== PurchaseState.Accepted) return false;
    this.#fault(FailureReason.NoLongerSold, now);
    return true;
  }

  /**
   * ITEMS_GRANTED → COMPLETED: the buyer paid. A debit confirmed after the purchase gave up
   * waiting for it (its items are being, or were, taken back) is refunded instead, once: the
   * player keeps neither the items nor a charge for them.
   */
  gilDebited(now: Date): boolean {
    if (this.data.debitUnconfirmed) {
      this.#change({ debitUnconfirmed: false }, now, false);
      // Fire and forget, like a late grant's subtraction: identity credits it exactly once.
      this.#messages.push(this.#command(RefundGil.type, now));
      return true;
    }
    if (this.data.state !== PurchaseState.ItemsGranted || this.data.compensating) return false;
    this.#change({ state: PurchaseState.Completed, pendingCommand: null }, now);
    this.#announce();
    return true;
  }

  /**
   * ITEMS_GRANTED, compensating: the buyer could not pay, so the items are taken back. After the
   * debit timed out, a late refusal only settles that nothing is owed back.
   */
  gilDebitFailed(reason: GilDebitFailureReason, now: Date): boolean {
    if (this.data.debitUnconfirmed) {
      this.#change({ debitUnconfirmed: false }, now, false);
      return true;
    }
    if (this.data.state !== PurchaseState.ItemsGranted || this.data.compensating) return false;
    this.#compensate(
      reason === 'INSUFFICIENT_GIL'
        ? FailureReason.notEnoughGil(this.data.total)
        : FailureReason.UnknownBuyer,
      now,
    );
    return true;
  }

  /** ITEMS_GRANTED (compensating) → FAULTED: the granted items were taken back. */
  itemsSubtracted(now: Date): boolean {
    if (this.data.state !== PurchaseState.ItemsGranted || !this.data.compensating) return false;
    this.#fault(this.data.compensationReason ?? FailureReason.DebitTimedOut, now);
    return true;
  }

  /** Whether the pending command has waited longer than `timeoutMs` for its reply. */
  isStalled(now: Date, timeoutMs: number): boolean {
    const { pendingCommand, lastSentAt } = this.data;
    if (this.isSettled || pendingCommand === null || lastSentAt === null) return false;
    return now.getTime() - lastSentAt.getTime() >= timeoutMs;
  }

  /**
   * The stalled-purchase rule: a command left unanswered for `timeoutMs` is sent again, the
   * same message, up to `maxAttempts` sends. Then the purchase gives up: a grant faults it (and
   * a grant confirmed later is taken back), a debit takes the items back. Taking items back
   * is never given up: it is what keeps a fault from leaving items behind.
   */
  expire(now: Date, policy: StepTimeoutPolicy): ExpiryOutcome {
    if (!this.isStalled(now, policy.timeoutMs) || this.data.pendingCommand === null) {
      return 'not-due';
    }
    if (this.data.compensating || this.data.attempts < policy.maxAttempts) {
      this.#change({}, now, false);
      this.#send(this.data.pendingCommand, now);
      return 'resent';
    }
    if (this.data.state === PurchaseState.Accepted) {
      this.#fault(FailureReason.GrantTimedOut, now, { grantUnconfirmed: true });
    } else {
      // Identity may still take the gil (the command may be queued, or dead-lettered and
      // replayed): `gilDebited` refunds it then.
      this.#compensate(FailureReason.DebitTimedOut, now, { debitUnconfirmed: true });
    }
    return 'gave-up';
  }

  toData(): PurchaseData {
    return { ...this.data };
  }

  /** The messages recorded since the purchase was accepted or restored, oldest first. */
  pullMessages(): Message[] {
    return this.#messages.splice(0);
  }

  #compensate(reason: string, now: Date, extra: Partial<PurchaseData> = {}): void {
    this.#change({ compensating: true, compensationReason: reason, ...extra }, now);
    this.#send(this.#command(SubtractItems.type, now), now);
    this.#announce();
  }

  #fault(reason: string, now: Date, extra: Partial<PurchaseData> = {}): void {
    this.#change(
      {
        state: PurchaseState.Faulted,
        failureReason: reason,
        pendingCommand: null,
        compensating: false,
        ...extra,
      },
      now,
    );
    this.#announce();
  }

  /** Applies a change; `touched` says whether clients see it as an update. */
  #change(changes: Partial<PurchaseData>, now: Date, touched = true): void {
    this.data = {
      ...this.data,
      ...changes,
      version: this.data.version + 1,
      ...(touched ? { updatedAt: now } : {}),
    };
  }

  /** Records `command` to be published and waits for its reply from now on. */
  #send(command: Message, now: Date): void {
    const resend = this.data.pendingCommand?.id === command.id;
    this.data = {
      ...this.data,
      pendingCommand: command,
      attempts: resend ? this.data.attempts + 1 : 1,
      lastSentAt: now,
    };
    this.#messages.push(command);
  }

  #command(type: typeof DebitGil.type | typeof RefundGil.type, now: Date): Message<DebitGilPayload>;
  #command(
    type: typeof GrantItems.type | typeof SubtractItems.type,
    now: Date,
  ): Message<GrantItemsPayload>;
  #command(type: string, now: Date): Message {
    const { id: purchaseId, userId, itemId, quantity, total } = this.data;
    const payload =
      type === DebitGil.type || type === RefundGil.type
        ? { purchaseId, userId, amount: total }
        : { purchaseId, userId, itemId, quantity };
    return { id: randomUUID(), type, occurredAt: now.toISOString(), payload };
  }

  #announce(): void {
    const { id, userId, itemId, quantity, total, state, failureReason, version } = this.data;
    const { createdAt, updatedAt } = this.data;
    const payload: PurchaseUpdatedPayload = {
      purchaseId: id,
      userId,
      itemId,
      quantity,
      total,
      state,
      failureReason,
      version,
      updatedAt: updatedAt.toISOString(),
      createdAt: createdAt.toISOString(),
    };
    this.#messages.push({
      id: randomUUID(),
      type: PurchaseUpdated.type,
      occurredAt: updatedAt.toISOString(),
      payload,
    });
  }
}

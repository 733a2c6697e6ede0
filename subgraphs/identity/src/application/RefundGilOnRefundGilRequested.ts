import { type Delivered, type UnitOfWork } from '@play-economy/chassis/domain';
import { RefundGil } from '@play-economy/trading/messages';
import type { UserRepository } from '../domain/UserRepository.ts';

/**
 * Gives back the gil of a purchase whose debit went through after trading had given up on it
 * (and taken the items back), and announces it with `identity.gil.refunded` plus
 * `identity.gil.changed`. The credit, the events and the inbox record commit together, so a
 * redelivered command credits nothing the second time.
 */
export class RefundGilOnRefundGilRequested {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'identity.refund_gil_on_refund_gil_requested';
  static readonly messages = [RefundGil] as const;

  constructor(
    private readonly users: UserRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(message: Delivered<typeof RefundGilOnRefundGilRequested.messages>): Promise<void> {
    const { purchaseId, userId, amount } = message.payload;
    await this.unitOfWork.handleOnce(
      RefundGilOnRefundGilRequested.queue,
      message,
      async (session, record) => {
        const change = await this.users.changeGil(userId, amount, session);
        if (!change.ok) {
          // The buyer was debited, so they exist; a balance at its ceiling cannot take the gil.
          // Retried, then dead-lettered for an operator to settle and replay: never dropped.
          throw new Error(`cannot refund ${amount} gil to ${userId}: ${change.reason}`);
        }
        change.user.gilRefunded(purchaseId, amount);
        record(...change.user.pullEvents());
      },
    );
  }
}

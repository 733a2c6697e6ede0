import { recordEvents, type Message, type UnitOfWork } from '@play-economy/chassis';
import { gilChanged, gilRefunded } from '../domain/IdentityEvents.ts';
import { REFUND_GIL_REQUESTED, isRefundGilRequestedPayload } from '../domain/RefundGilRequested.ts';
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
  static readonly topics = [REFUND_GIL_REQUESTED];

  constructor(
    private readonly users: UserRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(message: Message): Promise<void> {
    const { payload } = message;
    if (!isRefundGilRequestedPayload(payload)) {
      throw new Error(`${message.type} ${message.id} has no valid { purchaseId, userId, amount }`);
    }
    const { purchaseId, userId, amount } = payload;
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
        const balance = change.user.gil;
        recordEvents(
          [
            gilRefunded({ purchaseId, userId, amount, balance }),
            gilChanged({ userId, balance, delta: amount }),
          ],
          record,
          new Date(),
        );
      },
    );
  }
}

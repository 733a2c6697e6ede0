import { type Delivered, type UnitOfWork } from '@play-economy/chassis/domain';
import { DebitGil } from '@play-economy/trading/messages';
import { GilDebitFailed } from '../domain/IdentityEvents.ts';
import type { UserRepository } from '../domain/UserRepository.ts';

/**
 * Pays for a purchase: takes its total from the buyer's gil and replies with
 * `identity.gil.debited` (plus `identity.gil.changed`), or with `identity.gil.debit_failed`
 * when the balance is short or the user unknown. A redelivered command changes nothing the
 * second time: the debit, the replies and the inbox record commit together.
 */
export class DebitGilOnDebitGilRequested {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'identity.debit_gil_on_debit_gil_requested';
  static readonly messages = [DebitGil] as const;

  constructor(
    private readonly users: UserRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(message: Delivered<typeof DebitGilOnDebitGilRequested.messages>): Promise<void> {
    const { purchaseId, userId, amount } = message.payload;
    await this.unitOfWork.handleOnce(
      DebitGilOnDebitGilRequested.queue,
      message,
      async (session, record) => {
        const change = await this.users.changeGil(userId, -amount, session);
        if (change.ok) {
          change.user.gilDebited(purchaseId, amount);
          record(...change.user.pullEvents());
          return;
        }
        // Refused before anything changed, possibly with no user to speak of: the reply is the
        // handler's, as inventory's grant_failed is.
        const reason = change.reason === 'UNKNOWN_USER' ? 'UNKNOWN_USER' : 'INSUFFICIENT_GIL';
        record(GilDebitFailed.of({ purchaseId, userId, amount, reason }));
      },
    );
  }
}

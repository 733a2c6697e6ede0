import { isDuplicateKeyError, type UnitOfWork } from '@play-economy/chassis/domain';
import type { PurchaseRepository } from '../domain/PurchaseRepository.ts';
import type { StepTimeoutPolicy } from '../domain/PurchaseRules.ts';

/** What one run did. */
export interface ExpiryReport {
  /** Commands sent again. */
  resent: number;
  /** Purchases that stopped waiting: faulted, or taking their items back. */
  gaveUp: number;
  /** Purchases left for the next run (changed meanwhile, or their command not yet relayed). */
  skipped: number;
}

/**
 * Run on a timer: a purchase whose command got no reply within the step timeout has the same
 * command message sent again, and after the last attempt stops waiting (see
 * `Purchase.expire`). Each purchase is its own transaction, conditional on its version, so a
 * reply handled concurrently wins and replicas running this at once do not double up.
 */
export class ExpireStalledPurchases {
  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly policy: StepTimeoutPolicy,
    private readonly batchSize = 100,
  ) {}

  async execute(now: Date = new Date()): Promise<ExpiryReport> {
    const report: ExpiryReport = { resent: 0, gaveUp: 0, skipped: 0 };
    const sentBefore = new Date(now.getTime() - this.policy.timeoutMs);
    for (const purchase of await this.purchases.findStalled(sentBefore, this.batchSize)) {
      const loadedVersion = purchase.version;
      const outcome = purchase.expire(now, this.policy);
      if (outcome === 'not-due') continue;
      // Taken once, outside the transaction, which the store may run again.
      const messages = purchase.pullMessages();
      try {
        const saved = await this.unitOfWork.run(async (session, record) => {
          if (!(await this.purchases.save(purchase, loadedVersion, session))) return false;
          record(...messages);
          return true;
        });
        if (!saved) report.skipped++;
        else if (outcome === 'resent') report.resent++;
        else report.gaveUp++;
      } catch (error) {
        // The same command is still in the outbox, not yet published: nothing to re-send yet.
        if (!isDuplicateKeyError(error)) throw error;
        report.skipped++;
      }
    }
    return report;
  }
}

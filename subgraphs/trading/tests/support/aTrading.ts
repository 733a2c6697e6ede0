import { rerunningTransactions, throughContracts } from '@play-economy/chassis/testing';
import {
  createMessage,
  EmbeddedStore,
  Outbox,
  Role,
  UnitOfWork,
  type Message,
  type Viewer,
} from '@play-economy/chassis';
import { createTrading } from '../../src/createTrading.ts';
import type { StepTimeoutPolicy } from '../../src/domain/PurchaseRules.ts';

export const TEST_TIMEOUT: StepTimeoutPolicy = { timeoutMs: 30_000, maxAttempts: 3 };

/**
 * Trading's use cases and subscribers over an in-memory embedded store, as the server wires
 * them, without HTTP or a bus: what the outbox holds is what would be published.
 */
export async function aTrading(
  options: {
    stepTimeout?: StepTimeoutPolicy;
    /** Every transaction run twice, the first attempt rolled back, as MongoDB may. */
    rerunTransactions?: boolean;
  } = {},
) {
  const embedded = new EmbeddedStore({ database: 'trading-test' });
  const store = options.rerunTransactions ? rerunningTransactions(embedded) : embedded;
  const outbox = new Outbox(store);
  const unitOfWork = new UnitOfWork({ store, outbox });
  const trading = await createTrading({
    store,
    unitOfWork,
    stepTimeout: options.stepTimeout ?? TEST_TIMEOUT,
  });
  const subscriberFor = (type: string) => {
    const found = trading.subscriptions.find((subscription) => subscription.topics.includes(type));
    if (!found) throw new Error(`no subscriber for ${type}`);
    return found;
  };
  let players = 0;
  const deliver = async (message: Message): Promise<void> => {
    // As the bus does: parsed by the subscriber's contracts first.
    await throughContracts(subscriberFor(message.type)).handle(message);
  };

  return {
    ...trading,
    store,
    /** Messages recorded for publishing, oldest first. */
    async published(type?: string): Promise<Message[]> {
      const records = await outbox.collection
        .find(type ? { 'message.type': type } : {}, { sort: { sequence: 1 } })
        .toArray();
      return records.map((record) => record.message);
    },
    /** Empties the outbox, as the relay does once the broker confirmed. */
    async relayed(): Promise<void> {
      await outbox.collection.deleteMany({});
    },
    /** Hands a message to the subscriber bound to its type, as the bus would. */
    deliver,
    /** A reply about a purchase, as inventory or identity would send it. */
    reply(type: string, payload: Record<string, unknown>): Message {
      return createMessage(type, payload);
    },
    /** Makes an item sold at `price` by delivering its `catalog.item.created`. */
    async sells(itemId: string, price: number, version = 1): Promise<void> {
      await deliver(
        createMessage('catalog.item.created', {
          id: itemId,
          name: `Item ${itemId}`,
          description: '',
          price,
          version,
        }),
      );
    },
    player(): Viewer {
      players++;
      return { userId: `player-${players}`, roles: [Role.Player] };
    },
    admin(): Viewer {
      return { userId: 'admin', roles: [Role.Admin] };
    },
  };
}

/** What a client would see of a failure: the code and details of a domain error. */
export async function failureOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    const { code, details, message } = error as {
      code?: string;
      details?: Record<string, unknown>;
      message: string;
    };
    return { code, message, ...details };
  }
  throw new Error('expected a failure, got a success');
}

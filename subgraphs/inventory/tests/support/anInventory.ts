import {
  createMessage,
  EmbeddedStore,
  Outbox,
  Role,
  UnitOfWork,
  type Message,
  type Viewer,
} from '@play-economy/chassis';
import { subscriberOf } from '@play-economy/chassis/domain';
import { throughContracts } from '@play-economy/chassis/testing';
import { GrantItemsOnGrantItemsRequested } from '../../src/application/GrantItemsOnGrantItemsRequested.ts';
import { SubtractItemsOnSubtractItemsRequested } from '../../src/application/SubtractItemsOnSubtractItemsRequested.ts';
import { TrackItemOnItemChanged } from '../../src/application/TrackItemOnItemChanged.ts';
import { createInventory } from '../../src/createInventory.ts';

export const ADMIN: Viewer = { userId: 'admin-1', roles: [Role.Admin] };

/** A player viewer with the given id. */
export const aPlayerViewer = (userId: string): Viewer => ({ userId, roles: [Role.Player] });

/** A `catalog.item.*` event as the catalog publishes it (the fields inventory ignores included). */
export function itemEvent(
  kind: 'created' | 'updated' | 'deleted',
  id: string,
  version: number,
): Message {
  const payload =
    kind === 'deleted'
      ? { id, version }
      : { id, name: `Item ${id}`, description: '', price: 10, version };
  return createMessage(`catalog.item.${kind}`, payload);
}

/** A purchase saga command for inventory. */
export function purchaseCommand(
  kind: 'grant_items' | 'subtract_items',
  payload: Record<string, unknown>,
): Message {
  return createMessage(`trading.purchase.${kind}`, payload);
}

/**
 * Inventory's use cases and subscribers over an in-memory embedded store, as the server wires
 * them, without HTTP or a bus: what the outbox holds is what would be published.
 */
export async function anInventory() {
  const store = new EmbeddedStore({ database: 'inventory-test' });
  const outbox = new Outbox(store);
  const unitOfWork = new UnitOfWork({ store, outbox });
  const inventory = await createInventory({ store, unitOfWork });

  const trackItem = throughContracts(subscriberOf(TrackItemOnItemChanged, inventory.trackItem));
  return {
    ...inventory,
    // Subscribers as the bus runs them: each message parsed by its contract first.
    trackItem,
    grantItems: throughContracts(
      subscriberOf(GrantItemsOnGrantItemsRequested, inventory.grantItems),
    ),
    subtractItems: throughContracts(
      subscriberOf(SubtractItemsOnSubtractItemsRequested, inventory.subtractItems),
    ),
    store,
    /** Messages recorded for publishing, oldest first. */
    async published(type?: string): Promise<Message[]> {
      const records = await outbox.collection
        .find(type ? { 'message.type': type } : {}, { sort: { sequence: 1 } })
        .toArray();
      return records.map((record) => record.message);
    },
    /** Tells inventory about a catalog item, as `catalog.item.created` would. */
    async knowItem(id: string, version = 1): Promise<void> {
      await trackItem.handle(itemEvent('created', id, version));
    },
    /** Tells inventory an item was deleted from the catalog. */
    async forgetItem(id: string, version: number): Promise<void> {
      await trackItem.handle(itemEvent('deleted', id, version));
    },
    /** A user's quantity of an item, as an admin reads it. */
    async quantityOf(userId: string, itemId: string): Promise<number> {
      const [quantity] = await inventory.useCases.getOwnedQuantities.execute(
        aPlayerViewer(userId),
        [itemId],
      );
      return quantity ?? 0;
    },
  };
}

/** The `extensions.code` (and fields) a rejected promise's domain error would carry. */
export async function failureOf(
  promise: Promise<unknown>,
): Promise<{ code: string | undefined; message: string; [detail: string]: unknown }> {
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

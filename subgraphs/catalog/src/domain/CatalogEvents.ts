import { defineMessage, z, type DomainEvent, type PayloadOf } from '@play-economy/chassis/domain';

/**
 * Events the catalog publishes, as contracts: the one definition of each, which its
 * consumers import. Payloads carry the item's whole public state and its `version`, so a
 * consumer keeping a copy can ignore an event older than what it has.
 */

const itemChanged = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string(),
  /** Price of one unit in gil. */
  price: z.number().int().positive(),
  /** Starts at 1, incremented by every change. */
  version: z.number().int().min(1),
});

export const ItemCreated = defineMessage('catalog.item.created', itemChanged);
export const ItemUpdated = defineMessage('catalog.item.updated', itemChanged);
export const ItemDeleted = defineMessage(
  'catalog.item.deleted',
  z.object({
    id: z.string().min(1),
    /** The version the item had when it was deleted, plus one. */
    version: z.number().int().min(1),
  }),
);

/** Payload of `catalog.item.created` and `catalog.item.updated`. */
export type ItemChangedPayload = PayloadOf<typeof ItemCreated>;
/** Payload of `catalog.item.deleted`. */
export type ItemDeletedPayload = PayloadOf<typeof ItemDeleted>;

export type CatalogEvent =
  | DomainEvent<typeof ItemCreated.type, ItemChangedPayload>
  | DomainEvent<typeof ItemUpdated.type, ItemChangedPayload>
  | DomainEvent<typeof ItemDeleted.type, ItemDeletedPayload>;

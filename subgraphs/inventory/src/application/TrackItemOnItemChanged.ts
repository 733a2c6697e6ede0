import type { Message, UnitOfWork } from '@play-economy/chassis';
import { catalogItemEventOf, CatalogItemEventType } from '../domain/CatalogItemEvents.ts';
import { applyItemEvent } from '../domain/KnownItem.ts';
import type { KnownItemRepository } from '../domain/KnownItemRepository.ts';

/**
 * Keeps inventory's copy of which catalog items exist. Events can arrive late, twice or out of
 * order: one not newer than the stored version changes nothing, and a deleted item keeps a
 * tombstone so a late `updated` cannot bring it back.
 */
export class TrackItemOnItemChanged {
  /** The durable queue, `<service>.<subscriber>`. */
  static readonly queue = 'inventory.track_item_on_item_changed';
  static readonly topics = [
    CatalogItemEventType.ItemCreated,
    CatalogItemEventType.ItemUpdated,
    CatalogItemEventType.ItemDeleted,
  ];

  constructor(
    private readonly knownItems: KnownItemRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(message: Message): Promise<void> {
    const event = catalogItemEventOf(message.type, message.payload);
    if (!event) {
      // Retried, then dead-lettered for someone to look at.
      throw new Error(
        `${message.type} ${message.id} is not a catalog item event with { id, version }`,
      );
    }
    await this.unitOfWork.handleOnce(TrackItemOnItemChanged.queue, message, async (session) => {
      const current = await this.knownItems.find(event.id, session);
      const next = applyItemEvent(current, event);
      if (next) await this.knownItems.save(next, current?.version ?? null, session);
    });
  }
}

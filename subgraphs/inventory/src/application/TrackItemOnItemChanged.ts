import type { Delivered, UnitOfWork } from '@play-economy/chassis/domain';
import { ItemCreated, ItemDeleted, ItemUpdated } from '@play-economy/catalog/messages';
import type { CatalogItemEvent } from '../domain/CatalogItemEvents.ts';
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
  static readonly messages = [ItemCreated, ItemUpdated, ItemDeleted] as const;

  constructor(
    private readonly knownItems: KnownItemRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle(message: Delivered<typeof TrackItemOnItemChanged.messages>): Promise<void> {
    const event: CatalogItemEvent = {
      kind: message.type === ItemDeleted.type ? 'deleted' : 'present',
      id: message.payload.id,
      version: message.payload.version,
    };
    await this.unitOfWork.handleOnce(TrackItemOnItemChanged.queue, message, async (session) => {
      const current = await this.knownItems.find(event.id, session);
      const next = applyItemEvent(current, event);
      if (next) await this.knownItems.save(next, current?.version ?? null, session);
    });
  }
}

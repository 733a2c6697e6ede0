import {
  ItemCreated,
  ItemDeleted,
  ItemUpdated,
  type CatalogEvent,
  type ItemChangedPayload,
} from './CatalogEvents.ts';
import { validDescription, validName, validPrice } from './ItemRules.ts';

/** An item's persisted state. */
export interface ItemState {
  id: string;
  name: string;
  description: string;
  price: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewItem {
  name: string;
  description: string;
  price: number;
}

export type ItemChanges = { [K in keyof NewItem]?: NewItem[K] | undefined };

/**
 * Something a player can buy. Every change is validated here and recorded as an event for
 * the outbox; nothing outside this class decides what a valid item is.
 */
export class Item {
  readonly #events: CatalogEvent[] = [];

  private constructor(private state: ItemState) {}

  static create(fields: NewItem, id: string, now: Date): Item {
    const item = new Item({
      id,
      name: validName(fields.name),
      description: validDescription(fields.description),
      price: validPrice(fields.price),
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    item.#events.push(ItemCreated.of(item.#payload()));
    return item;
  }

  /** Rebuilds an item from storage; records no event. */
  static restore(state: ItemState): Item {
    return new Item({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get name(): string {
    return this.state.name;
  }
  get description(): string {
    return this.state.description;
  }
  get price(): number {
    return this.state.price;
  }
  get version(): number {
    return this.state.version;
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }
  get updatedAt(): Date {
    return this.state.updatedAt;
  }

  /** Applies the given changes; omitted fields keep their value. */
  update(changes: ItemChanges, now: Date): void {
    this.state = {
      ...this.state,
      name: changes.name === undefined ? this.state.name : validName(changes.name),
      description:
        changes.description === undefined
          ? this.state.description
          : validDescription(changes.description),
      price: changes.price === undefined ? this.state.price : validPrice(changes.price),
      version: this.state.version + 1,
      updatedAt: now,
    };
    this.#events.push(ItemUpdated.of(this.#payload()));
  }

  delete(): void {
    this.#events.push(ItemDeleted.of({ id: this.state.id, version: this.state.version + 1 }));
  }

  toState(): ItemState {
    return { ...this.state };
  }

  /** The events recorded since the item was created or restored, oldest first. */
  pullEvents(): CatalogEvent[] {
    return this.#events.splice(0);
  }

  #payload(): ItemChangedPayload {
    const { id, name, description, price, version } = this.state;
    return { id, name, description, price, version };
  }
}

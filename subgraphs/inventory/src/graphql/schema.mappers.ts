import type { InventoryChangedPayload } from '../domain/InventoryEvents.ts';
import type { InventoryEntryState } from '../domain/InventoryEntry.ts';

/** A user as other subgraphs reference it: inventory knows nothing of users but their id. */
export type UserMapper = { id: string };

/** An item as other subgraphs reference it; the catalog resolves its other fields. */
export type ItemMapper = { id: string };

export type InventoryEntryMapper = InventoryEntryState;

/** A change as announced on the bus with `inventory.changed`. */
export type InventoryChangeMapper = InventoryChangedPayload;

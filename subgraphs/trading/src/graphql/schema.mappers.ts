import type { PurchaseView } from '../domain/PurchaseView.ts';

/**
 * GraphQL `Purchase` fields are read off the domain aggregate, or off an update event for live
 * subscribers; `user`/`item` are references.
 */
export type PurchaseMapper = PurchaseView;

/** A user as identity refers to them: trading knows only the id. */
export interface UserMapper {
  id: string;
}

/** An item as catalog refers to it: trading knows only the id. */
export interface ItemMapper {
  id: string;
}

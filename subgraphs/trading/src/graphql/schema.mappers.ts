import type { Purchase } from '../domain/Purchase.ts';

/** GraphQL `Purchase` fields are read off the domain aggregate; `user`/`item` are references. */
export type PurchaseMapper = Purchase;

/** A user as identity refers to them: trading knows only the id. */
export interface UserMapper {
  id: string;
}

/** An item as catalog refers to it: trading knows only the id. */
export interface ItemMapper {
  id: string;
}

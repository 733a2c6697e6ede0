import { decodeCursor } from '@play-economy/chassis';
import { isItemPosition } from '../../domain/ItemRepository.ts';
import type { QueryResolvers } from './../types.generated.ts';

export const items: NonNullable<QueryResolvers['items']> = (
  _parent,
  { first, after, search },
  ctx,
) =>
  ctx.catalog.listItems.execute({
    first,
    after: after == null ? undefined : decodeCursor(after, isItemPosition),
    search: search ?? undefined,
  });

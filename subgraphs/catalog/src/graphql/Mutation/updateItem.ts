import type { MutationResolvers } from './../types.generated.ts';

export const updateItem: NonNullable<MutationResolvers['updateItem']> = (
  _parent,
  { id, input },
  ctx,
) =>
  ctx.catalog.updateItem.execute(ctx.viewer, id, {
    name: input.name ?? undefined,
    description: input.description ?? undefined,
    price: input.price ?? undefined,
  });

import type { GraphQLClient } from '@play-economy/local-stack';

/**
 * `grantItems` as `admin`, retried while inventory has not yet heard of a just-created item
 * (it learns of items from catalog's events); fails after 10 s or on any other error.
 */
export async function grantWhenKnown(
  admin: GraphQLClient,
  grant: { userId: string; itemId: string; quantity: number },
): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { data, errors } = await admin.request(
      'mutation ($u: ID!, $i: ID!, $q: Int!) { grantItems(userId: $u, itemId: $i, quantity: $q) { quantity } }',
      { u: grant.userId, i: grant.itemId, q: grant.quantity },
    );
    if (data) return;
    if (errors?.[0]?.extensions?.['code'] !== 'NOT_FOUND' || Date.now() > deadline) {
      throw new Error(JSON.stringify(errors));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

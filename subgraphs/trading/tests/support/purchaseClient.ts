import { expect } from 'vitest';
import type { GraphQLResponse, SignedInClient } from '@play-economy/local-stack';

export interface PurchaseInput {
  itemId: string;
  quantity: number;
  idempotencyKey: string;
}

export interface PurchaseView {
  id: string;
  state: 'ACCEPTED' | 'ITEMS_GRANTED' | 'COMPLETED' | 'FAULTED';
  total: number;
  failureReason: string | null;
}

const PURCHASE = `mutation Purchase($input: PurchaseInput!) {
  purchase(input: $input) { id state total failureReason }
}`;

export const codeOf = (response: {
  errors?: readonly { extensions?: Record<string, unknown> }[];
}) => response.errors?.[0]?.extensions?.['code'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `purchase` mutation, as a client sends it. */
export function requestPurchase(
  client: SignedInClient,
  input: PurchaseInput,
): Promise<GraphQLResponse<{ purchase: PurchaseView }>> {
  return client.request<{ purchase: PurchaseView }>(PURCHASE, { input });
}

/**
 * Buys, waiting (bounded) for trading to have learnt of a just-created item from catalog's
 * event: until then the item is NOT_FOUND to trading, and nothing is recorded.
 */
export async function buy(client: SignedInClient, input: PurchaseInput): Promise<PurchaseView> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await requestPurchase(client, input);
    if (response.data?.purchase) return response.data.purchase;
    if (codeOf(response) !== 'NOT_FOUND' || Date.now() > deadline) {
      throw new Error(`purchase failed: ${JSON.stringify(response.errors)}`);
    }
    await sleep(50);
  }
}

/** Polls `purchase(id)` until it is COMPLETED or FAULTED; fails after `timeoutMs`. */
export async function settled<TPurchase extends { state: string }>(
  client: SignedInClient,
  id: string,
  selection = 'id state total failureReason',
  timeoutMs = 20_000,
): Promise<TPurchase> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data, errors } = await client.request<{ purchase: TPurchase }>(
      `query ($id: ID!) { purchase(id: $id) { ${selection} } }`,
      { id },
    );
    expect(errors).toBeUndefined();
    const purchase = data!.purchase;
    if (purchase.state === 'COMPLETED' || purchase.state === 'FAULTED') return purchase;
    if (Date.now() > deadline) throw new Error(`purchase ${id} still ${purchase.state}`);
    await sleep(50);
  }
}

export async function gilOf(client: SignedInClient): Promise<number> {
  const { data, errors } = await client.request<{ me: { gil: number } }>('{ me { gil } }');
  expect(errors).toBeUndefined();
  return data!.me.gil;
}

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launchChromium.ts';
import {
  heardLive,
  openStore,
  PLAYER_PASSWORD,
  signUpInStore,
  until,
  type StorePage,
} from '../support/openStore.ts';
import { SEEDING_DOCUMENTS, startStoreStack, type StoreStack } from '../support/startStoreStack.ts';

// The real stack in this process, the store built and served by the router, which enforces
// trusted documents; a real Chromium. Nothing of the API is mocked.
let store: StoreStack;
let browser: Browser;
const items = new Map<string, string>();

const CATALOG = [
  ['Potion', 'Restores 50 HP.', 30],
  ['Hi-Potion', 'Restores 150 HP.', 80],
  ['X-Potion', 'Restores all HP.', 400],
  ['Ether', 'Restores 30 MP.', 150],
  ['Elixir', 'Restores all HP and MP.', 1000],
  ['Phoenix Down', 'Revives a fallen ally.', 300],
  ['Antidote', 'Cures poison.', 10],
  ['Eye Drops', 'Cures blindness.', 10],
  ['Echo Screen', 'Cures silence.', 15],
  ['Remedy', 'Cures most ailments.', 120],
  ['Tent', 'Restores the party outside of battle.', 250],
  ['Cottage', 'Fully restores the party outside of battle.', 600],
  ['Bronze Sword', 'A plain, dependable blade.', 90],
  ['Iron Shield', 'Sturdy and heavy.', 140],
  ['Leather Cap', 'Better than nothing.', 45],
] as const;

beforeAll(async () => {
  // The browser first: without one the file fails at once, before a stack is started.
  browser = await launchChromium();
  store = await startStoreStack();
  for (const [name, description, price] of CATALOG) {
    const { createItem } = await store.seed<{ createItem: { id: string } }>(
      SEEDING_DOCUMENTS.createItem,
      { input: { name, description, price } },
    );
    items.set(name, createItem.id);
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await store?.stop();
});

describe('the web store, in Chromium, through the router', () => {
  let shop: StorePage;
  let username: string;

  beforeAll(async () => {
    shop = await openStore(browser, store.storeUrl);
  });

  afterAll(async () => {
    await shop?.close();
  });

  it('shows the catalog to anyone, a page at a time, with the search in the URL', async () => {
    const { page } = shop;
    const cards = page.locator('.item-card h2');
    await until(() => page.locator('.count').innerText(), '15 items');
    await until(() => cards.count(), 12);
    await page.getByRole('button', { name: 'Load more items' }).click();
    await until(() => cards.count(), 15);
    await shop.screenshot('catalog');

    await page.getByLabel('Search items').fill('potion');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\?search=potion$/);
    await until(
      () => page.getByRole('heading', { level: 1 }).innerText(),
      'Items matching “potion”',
    );
    await until(() => cards.allInnerTexts(), ['Hi-Potion', 'Potion', 'X-Potion']);

    // The URL alone brings the same search back: it can be shared.
    const shared = await shop.context.newPage();
    await shared.goto(`${store.storeUrl}?search=ether`);
    await until(() => shared.locator('.item-card h2').allInnerTexts(), ['Ether']);
    await shared.close();
  });

  it('lets a new player sign up, buy (a double click buys once) and see COMPLETED and the inventory change without reloading', async () => {
    const { page } = shop;
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await shop.screenshot('sign-up');
    await page.getByRole('link', { name: 'Catalog', exact: true }).click();
    // Every run has a stack of its own, so a fixed name is new (and the screenshots stable).
    username = 'aria';
    await signUpInStore(page, username);
    await until(() => page.getByTestId('balance').innerText(), '100 gil');

    // From here on, no reload: the document stays the same (a marker on the window survives).
    await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));
    await page.getByRole('link', { name: 'Potion', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Potion' }).waitFor();
    await until(() => page.getByTestId('owned').innerText(), 'You do not own any yet.');
    await page.getByLabel('Quantity').fill('2');
    await until(() => page.locator('#total').innerText(), 'Total: 60 gil');
    await page.getByRole('button', { name: 'Buy' }).dblclick();

    const state = page.getByTestId('purchase-state');
    await until(() => state.getAttribute('data-state'), 'COMPLETED', 15_000);
    expect(await state.count()).toBe(1);
    expect(heardLive(shop, 'ITEMS_GRANTED') && heardLive(shop, 'COMPLETED')).toBe(true);
    await until(() => page.getByTestId('owned').innerText(), 'You own 2.');
    await until(() => page.getByTestId('balance').innerText(), '40 gil');
    await shop.screenshot('item-purchase-completed');

    await page.getByRole('link', { name: 'Inventory' }).click();
    const potion = page.getByRole('row', { name: /Potion/ }).getByRole('cell');
    await until(() => potion.innerText(), '2');
    // An admin grant shows up on the open inventory page as it happens.
    const { userId } = await store.signIn(username, PLAYER_PASSWORD);
    await store.seed(SEEDING_DOCUMENTS.grantItems, {
      userId,
      itemId: items.get('Ether'),
      quantity: 3,
    });
    const ether = page.getByRole('row', { name: /Ether/ }).getByRole('cell');
    await until(() => ether.innerText(), '3');
    await shop.screenshot('inventory');
    expect(await page.evaluate(() => 'sameDocument' in globalThis)).toBe(true);
  });

  it('shows the refusal of a purchase beyond the balance, in words', async () => {
    const { page } = shop;
    await page.getByRole('link', { name: 'Catalog', exact: true }).click();
    await page.getByRole('link', { name: 'Elixir' }).click();
    await page.getByRole('heading', { level: 1, name: 'Elixir' }).waitFor();
    await page.getByRole('button', { name: 'Buy' }).click();

    const purchase = page.locator('.purchase');
    await until(
      () => purchase.innerText(),
      '1 × Elixir for 1,000 gil: Failed — Not enough gil: the purchase costs 1000 gil.',
      15_000,
    );
    await until(() => page.getByTestId('owned').innerText(), 'You do not own any yet.');
    await until(() => page.getByTestId('balance').innerText(), '40 gil');
    await shop.screenshot('purchase-refused');
  });

  it('signs out, ending the session of its refresh token', async () => {
    const { page } = shop;
    const refreshToken = await page.evaluate(() =>
      (
        globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }
      ).sessionStorage.getItem('play-economy.refresh-token'),
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    const reuse = await fetch(store.stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        documentId: store.storeDocumentId('RefreshSession'),
        variables: { refreshToken },
      }),
    });
    const body = (await reuse.json()) as { errors?: { extensions: { code: string } }[] };
    expect(body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('sends only documents of the generated manifest, by id, which the enforcing router runs', async () => {
    const manifestIds = new Set(Object.keys(store.storeManifest));
    const { sent } = shop;
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.filter((operation) => operation.query !== undefined)).toEqual([]);
    expect(sent.filter((operation) => !manifestIds.has(operation.persistedHash ?? ''))).toEqual([]);
    expect(new Set(sent.map((operation) => operation.transport))).toEqual(
      new Set(['http', 'websocket']),
    );
    expect(new Set(shop.answers.map((answer) => answer.status))).toEqual(new Set([200]));

    // The same router refuses a document outside its manifest.
    const refused = await fetch(store.stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ items(first: 1) { totalCount } }' }),
    });
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });
});

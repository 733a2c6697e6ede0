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

/** Access tokens live this long here, and the router allows no clock skew past it. */
const TOKEN_SECONDS = 3;

let store: StoreStack;
let browser: Browser;
let shop: StorePage;

beforeAll(async () => {
  // The browser first: without one the file fails at once, before a stack is started.
  browser = await launchChromium();
  store = await startStoreStack({
    env: { ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_SECONDS), JWT_CLOCK_SKEW_SECONDS: '0' },
  });
  for (const [name, price] of [
    ['Potion', 30],
    ['Ether', 150],
  ] as const) {
    await store.seed(SEEDING_DOCUMENTS.createItem, {
      input: { name, description: `A ${name.toLowerCase()}.`, price },
    });
  }
  shop = await openStore(browser, store.storeUrl);
}, 120_000);

afterAll(async () => {
  await shop?.close();
  await browser?.close();
  await store?.stop();
});

const expiry = () => new Promise((resolve) => setTimeout(resolve, (TOKEN_SECONDS + 1) * 1000));

/** The refresh token the page holds (in its session storage, never the access token). */
const storedRefreshToken = (page: StorePage['page']) =>
  page.evaluate(() =>
    (
      globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }
    ).sessionStorage.getItem('play-economy.refresh-token'),
  );

describe('the web store when access tokens expire', () => {
  it('refreshes an expired access token and retries, without the player noticing', async () => {
    const { page } = shop;
    await signUpInStore(page, 'tomas');
    const firstRefreshToken = await storedRefreshToken(page);
    await expiry();

    // A search sent with the expired token: refused with 401, refreshed once, sent again.
    const answersBefore = shop.answers.length;
    await page.getByLabel('Search items').fill('potion');
    await page.getByRole('button', { name: 'Search' }).click();
    await until(() => page.locator('.item-card h2').allInnerTexts(), ['Potion']);
    // (Queries reading users are read again after the refresh: its answer names a User.)
    const answers = shop.answers
      .slice(answersBefore)
      .filter(({ operationName }) => operationName !== 'Balance');
    expect(answers.map(({ status, operationName }) => `${status} ${operationName}`)).toEqual([
      '401 CatalogItems',
      '200 RefreshSession',
      '200 CatalogItems',
    ]);
    expect(await storedRefreshToken(page)).not.toBe(firstRefreshToken);
    expect(await page.getByRole('alert').count()).toBe(0);

    // Buying later still works, live: the WebSocket, closed by the router when its token
    // expired, comes back with a fresh one.
    await page.getByRole('link', { name: 'Potion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Potion' }).waitFor();
    await expiry();
    await page.getByRole('button', { name: 'Buy' }).click();
    await until(
      () => page.getByTestId('purchase-state').getAttribute('data-state'),
      'COMPLETED',
      15_000,
    );
    await until(() => page.getByTestId('owned').innerText(), 'You own 1.');
    // Heard live, on a connection opened again with a refreshed token.
    expect(heardLive(shop, 'COMPLETED')).toBe(true);
    const subscribes = shop.sent.filter(({ transport }) => transport === 'websocket');
    expect(subscribes.length).toBeGreaterThan(2);
    await until(() => page.getByTestId('balance').innerText(), '70 gil');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
  });

  it('ends the session cleanly when its refresh token was used elsewhere', async () => {
    const { page } = shop;
    await page.getByRole('link', { name: 'Catalog', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
    // Someone else uses the player's refresh token first (as a thief would): the store's next
    // refresh presents a used token, and identity revokes the whole family.
    const stolen = await storedRefreshToken(page);
    const thief = await fetch(store.stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        documentId: store.storeDocumentId('RefreshSession'),
        variables: { refreshToken: stolen },
      }),
    });
    expect(thief.status).toBe(200);
    await expiry();

    await page.getByLabel('Search items').fill('ether');
    await page.getByRole('button', { name: 'Search' }).click();
    await until(
      () => page.getByRole('alert').innerText(),
      'Your session has ended. Please sign in again.',
    );
    await until(() => page.getByRole('link', { name: 'Sign in' }).count(), 1);
    expect(await storedRefreshToken(page)).toBeNull();
    // Still a working store for an anonymous visitor.
    await until(() => page.locator('.item-card h2').allInnerTexts(), ['Ether']);

    // Signing in again brings the player back where they were.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Username or email').fill('tomas');
    await page.getByLabel('Password').fill(PLAYER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await until(() => page.getByTestId('balance').innerText(), '70 gil');
    expect(new URL(page.url()).search).toBe('?search=ether');
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});

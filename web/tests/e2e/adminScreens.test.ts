import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launchChromium.ts';
import {
  openStore,
  PLAYER_PASSWORD,
  signInInStore,
  signUpInStore,
  until,
  type StorePage,
} from '../support/openStore.ts';
import {
  ADMIN,
  SEEDING_DOCUMENTS,
  startStoreStack,
  type StoreStack,
} from '../support/startStoreStack.ts';

// The real stack in this process, the store built and served by the router, which enforces
// trusted documents; a real Chromium with one context per person. Nothing of the API is mocked.
let store: StoreStack;
let browser: Browser;
const items = new Map<string, string>();

const CATALOG = [
  ['Potion', 'Restores 50 HP.', 30],
  ['Ether', 'Restores 30 MP.', 150],
  ['Antidote', 'Cures poison.', 10],
] as const;

/** More players than one page of the admin's list holds (20), so it has a "load more". */
const OTHER_PLAYERS = Array.from(
  { length: 20 },
  (_, index) => `player${String(index + 1).padStart(2, '0')}`,
);

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
  for (const username of OTHER_PLAYERS) {
    await store.seed(SEEDING_DOCUMENTS.register, {
      input: { username, email: `${username}@example.test`, password: PLAYER_PASSWORD },
    });
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await store?.stop();
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe('the admin screens, in Chromium, through the router', () => {
  let player: StorePage;
  let admin: StorePage;

  beforeAll(async () => {
    player = await openStore(browser, store.storeUrl);
    admin = await openStore(browser, store.storeUrl);
    await signUpInStore(player.page, 'aria');
    await signInInStore(admin.page, ADMIN.username, ADMIN.password);
  });

  afterAll(async () => {
    await player?.close();
    await admin?.close();
  });

  it('refuses a player the admin screens, in words, and the API refuses them too', async () => {
    const { page } = player;
    expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.goto(`${store.storeUrl}admin/items`);
    await until(() => heading(page).innerText(), 'Admins only');
    await until(
      () => page.getByRole('alert').innerText(),
      'This page is for the store’s admins, and aria is a player’s account. Back to the catalog',
    );
    await player.screenshot('admin-refused');
    expect(await page.getByLabel('Name').count()).toBe(0);

    // The screen is not the only guard: the store's own admin operation, sent with the
    // player's token, is FORBIDDEN.
    const { accessToken } = await store.signIn('aria', PLAYER_PASSWORD);
    const response = await fetch(store.stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        documentId: store.storeDocumentId('AdminUsers'),
        variables: { first: 20 },
      }),
    });
    const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
    expect(body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('shows an admin a new price on a player’s open pages, without the player reloading', async () => {
    const shop = player.page;
    await shop.goto(`${store.storeUrl}items/${items.get('Potion')}`);
    await until(() => shop.locator('.price').innerText(), '30 gil each');
    const catalog = await player.context.newPage();
    await catalog.goto(store.storeUrl);
    const potionCard = catalog.locator('.item-card', { hasText: 'Restores 50 HP.' });
    await until(() => potionCard.locator('.price').innerText(), '30 gil');
    // From here on, no reload: a marker on each window survives only in the same document.
    for (const page of [shop, catalog]) {
      await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));
    }

    const { page } = admin;
    await page.getByRole('link', { name: 'Admin' }).click();
    await until(() => heading(page).innerText(), 'Manage items');
    await page.getByRole('link', { name: 'Potion', exact: true }).click();
    await until(() => heading(page).innerText(), 'Edit “Potion”');
    const price = page.getByLabel('Price (gil)');
    await until(() => price.inputValue(), '30');

    // The API's refusal appears next to the field it names, which takes the focus.
    await price.fill('0');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const priceError = page.locator('#edit-item-price-error');
    await until(
      () => priceError.innerText(),
      'Please check the price: it must be a whole number of gil from 1 to 1,000,000.',
    );
    expect(await price.getAttribute('aria-invalid')).toBe('true');
    expect(await price.evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);

    await price.fill('45');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await until(() => page.locator('.success').innerText(), 'Saved. “Potion” costs 45 gil now.');
    expect(await priceError.count()).toBe(0);
    await admin.screenshot('admin-edit-item');

    // No live channel carries catalog changes: the open pages read their items again every
    // 10 s while visible, so the new price shows within that.
    await until(() => shop.locator('.price').innerText(), '45 gil each', 20_000);
    await until(() => shop.locator('#total').innerText(), 'Total: 45 gil');
    await until(() => potionCard.locator('.price').innerText(), '45 gil', 20_000);
    for (const page of [shop, catalog]) {
      expect(await page.evaluate(() => 'sameDocument' in globalThis)).toBe(true);
    }
    await catalog.close();
  });

  it('lets an admin create an item, refusing a blank name next to the field', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Items', exact: true }).click();
    await until(() => heading(page).innerText(), 'Manage items');
    const rows = page.locator('.admin-table tbody th');
    await until(() => rows.allInnerTexts(), ['Antidote', 'Ether', 'Potion']);

    await page.getByLabel('Name').fill('   ');
    await page.getByLabel('Description').fill('Revives and restores all HP.');
    await page.getByLabel('Price (gil)').fill('2500');
    await page.getByRole('button', { name: 'Create item' }).click();
    await until(
      () => page.locator('#new-item-name-error').innerText(),
      'Please check the name: it must be 1 to 100 characters.',
    );

    await page.getByLabel('Name').fill('Mega Phoenix');
    await page.getByRole('button', { name: 'Create item' }).click();
    await until(
      () => page.locator('.success').innerText(),
      'Created “Mega Phoenix” at 2,500 gil. Edit it',
    );
    await until(() => rows.allInnerTexts(), ['Antidote', 'Ether', 'Mega Phoenix', 'Potion']);
    expect(await page.getByLabel('Name').inputValue()).toBe('');
    await admin.screenshot('admin-items');

    // Players find it in the catalog.
    const { page: shop } = player;
    await shop.goto(`${store.storeUrl}?search=phoenix`);
    await until(() => shop.locator('.item-card h2').allInnerTexts(), ['Mega Phoenix']);
  });

  it('lists the players a page at a time, and grants items and adjusts gil for one', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Players' }).click();
    await until(() => heading(page).innerText(), 'Players');
    const names = page.locator('.admin-table tbody th');
    await until(() => names.count(), 20);
    await page.getByRole('button', { name: 'Load more players' }).click();
    await until(() => names.count(), OTHER_PLAYERS.length + 2);
    expect(await page.getByRole('button', { name: 'Load more players' }).count()).toBe(0);
    // Sorted by username: aria first, the admin last.
    expect((await names.allInnerTexts()).at(0)).toBe('aria');
    expect((await names.allInnerTexts()).at(-1)).toBe(ADMIN.username);
    await admin.screenshot('admin-users');

    // The player watches their inventory while the admin grants.
    const { page: shop } = player;
    await shop.getByRole('link', { name: 'Inventory' }).click();
    await until(() => heading(shop).innerText(), 'Inventory');

    await page.getByRole('link', { name: 'aria', exact: true }).click();
    await until(() => heading(page).innerText(), 'aria');
    await until(() => page.getByTestId('user-gil').innerText(), '100 gil');
    await page.getByLabel('Find an item').fill('eth');
    await until(
      () =>
        page.getByLabel('Item', { exact: true }).locator('option:not([disabled])').allInnerTexts(),
      ['Ether'],
    );
    await page.getByLabel('Item', { exact: true }).selectOption({ label: 'Ether' });
    await page.getByLabel('Quantity').fill('3');
    await page.getByRole('button', { name: 'Grant' }).click();
    const grantStatus = page.locator('#grant-heading ~ .success');
    await until(() => grantStatus.innerText(), 'Granted 3 × Ether: aria now has 3.');
    await until(() => page.getByRole('row', { name: /Ether/ }).getByRole('cell').innerText(), '3');
    // ...and it reaches the player's open inventory page as it happens.
    await until(() => shop.getByRole('row', { name: /Ether/ }).getByRole('cell').innerText(), '3');

    const amount = page.getByLabel('Amount (gil)');
    await amount.fill('50');
    await page.getByRole('button', { name: 'Adjust gil' }).click();
    const gilStatus = page.locator('#adjust-gil-heading ~ .success');
    await until(() => gilStatus.innerText(), '+50 gil: aria now has 150 gil.');
    await until(() => page.getByTestId('user-gil').innerText(), '150 gil');

    // Below 0 is refused, in words, and nothing changes.
    await amount.fill('-1000');
    await page.getByRole('button', { name: 'Adjust gil' }).click();
    await until(
      () => page.locator('#adjust-gil-heading ~ form .error').innerText(),
      'aria does not have that much gil: a balance never goes below 0.',
    );
    await until(() => page.getByTestId('user-gil').innerText(), '150 gil');
    await amount.fill('-30');
    await page.getByRole('button', { name: 'Adjust gil' }).click();
    await until(() => gilStatus.innerText(), '−30 gil: aria now has 120 gil.');
    await until(() => page.getByTestId('user-gil').innerText(), '120 gil');
    await admin.screenshot('admin-user');
  });

  it('deletes an item only once the admin confirms, and says which', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Items', exact: true }).click();
    await page.getByRole('link', { name: 'Antidote', exact: true }).click();
    await until(() => heading(page).innerText(), 'Edit “Antidote”');

    await page.getByRole('button', { name: 'Delete item' }).click();
    const confirm = page.getByRole('button', { name: 'Yes, delete “Antidote”' });
    await until(
      () => confirm.evaluate((button) => button === button.ownerDocument.activeElement),
      true,
    );
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect(await confirm.count()).toBe(0);

    await page.getByRole('button', { name: 'Delete item' }).click();
    await confirm.click();
    await until(() => heading(page).innerText(), 'Manage items');
    await until(
      () => page.getByRole('status').filter({ hasText: 'Deleted' }).innerText(),
      'Deleted “Antidote”. Players no longer see it.',
    );
    await until(
      () => page.locator('.admin-table tbody th').allInnerTexts(),
      ['Ether', 'Mega Phoenix', 'Potion'],
    );
    await page.goto(`${store.storeUrl}admin/items/${items.get('Antidote')}`);
    await until(() => heading(page).innerText(), 'Item not found');
  });

  it('says so when the item being edited was deleted meanwhile (NOT_FOUND)', async () => {
    const { createItem } = await store.seed<{ createItem: { id: string } }>(
      SEEDING_DOCUMENTS.createItem,
      { input: { name: 'Old Tent', description: 'Patched twice.', price: 20 } },
    );
    const { page } = admin;
    await page.goto(`${store.storeUrl}admin/items/${createItem.id}`);
    await until(() => heading(page).innerText(), 'Edit “Old Tent”');
    // Another admin deletes it while this one edits.
    await store.seed(SEEDING_DOCUMENTS.deleteItem, { id: createItem.id });
    await page.getByLabel('Price (gil)').fill('25');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await until(
      () => page.locator('form .error').innerText(),
      'That item is no longer in the store.',
    );
  });

  it('sends only documents of the generated manifest, by id', () => {
    const manifestIds = new Set(Object.keys(store.storeManifest));
    for (const { sent } of [admin, player]) {
      expect(sent.filter((operation) => operation.query !== undefined)).toEqual([]);
      expect(sent.filter((operation) => !manifestIds.has(operation.persistedHash ?? ''))).toEqual(
        [],
      );
    }
    expect(new Set(admin.answers.map((answer) => answer.status))).toEqual(new Set([200]));
  });
});

import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Where the tests put their screenshots of the store: with `UPDATE_SCREENSHOTS=1`, the ones the
 * README links (`docs/screenshots/`); otherwise a temporary directory, so a test run leaves the
 * working tree as it found it (two runs differ by a pixel here and there).
 */
const SCREENSHOTS =
  process.env['UPDATE_SCREENSHOTS'] === '1'
    ? fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url))
    : join(tmpdir(), 'play-economy-screenshots');

/** One GraphQL request the page sent to the router, over HTTP or as a WebSocket `subscribe`. */
export interface SentOperation {
  transport: 'http' | 'websocket';
  operationName?: string;
  query?: string;
  documentId?: string;
  persistedHash?: string;
}

/** One answer of the router to a GraphQL request over HTTP. */
export interface Answer {
  status: number;
  operationName: string | undefined;
}

/** Polls until `read` gives `expected` (what a player would wait for), or fails the test. */
export async function until<T>(
  read: () => Promise<T>,
  expected: T,
  timeout = 10_000,
): Promise<void> {
  await expect.poll(read, { timeout, interval: 100 }).toEqual(expected);
}

export interface StorePage {
  context: BrowserContext;
  page: Page;
  /** Every GraphQL operation the page sent, in order. */
  sent: SentOperation[];
  /** Every HTTP answer to those operations, in order. */
  answers: Answer[];
  /** The `data` of every subscription event the page received over its WebSocket, in order. */
  liveEvents: Record<string, unknown>[];
  /** Saves a screenshot of the page as `<name>.png` (see `SCREENSHOTS`). */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** A fresh browser context (no cookies, no storage) on the store, recording its GraphQL traffic. */
export async function openStore(browser: Browser, storeUrl: string): Promise<StorePage> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const sent: SentOperation[] = [];
  const answers: Answer[] = [];
  const liveEvents: Record<string, unknown>[] = [];
  const operationOf = (
    transport: SentOperation['transport'],
    body: Record<string, unknown>,
  ): SentOperation => {
    const extensions = body['extensions'] as
      { persistedQuery?: { sha256Hash?: string } } | undefined;
    const hash = extensions?.persistedQuery?.sha256Hash;
    return {
      transport,
      ...(typeof body['operationName'] === 'string'
        ? { operationName: body['operationName'] }
        : {}),
      ...(typeof body['query'] === 'string' && body['query'] !== ''
        ? { query: body['query'] }
        : {}),
      ...(typeof body['documentId'] === 'string' ? { documentId: body['documentId'] } : {}),
      ...(hash ? { persistedHash: hash } : {}),
    };
  };
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    sent.push(operationOf('http', request.postDataJSON() as Record<string, unknown>));
  });
  page.on('response', (response) => {
    const request = response.request();
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { operationName?: string };
    answers.push({ status: response.status(), operationName: body.operationName });
  });
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type: string; payload?: object };
      if (message.type === 'subscribe' && message.payload) {
        sent.push(operationOf('websocket', message.payload as Record<string, unknown>));
      }
    });
    socket.on('framereceived', ({ payload }) => {
      const message = JSON.parse(String(payload)) as {
        type: string;
        payload?: { data?: Record<string, unknown> };
      };
      if (message.type === 'next' && message.payload?.data) liveEvents.push(message.payload.data);
    });
  });
  await page.goto(storeUrl);
  return {
    context,
    page,
    sent,
    answers,
    liveEvents,
    async screenshot(name) {
      await mkdir(SCREENSHOTS, { recursive: true });
      // Nothing hovered or focused, so the same page gives the same picture run after run.
      await page.mouse.move(0, 0);
      await page.evaluate(() => {
        const active = (globalThis as unknown as { document: { activeElement: unknown } }).document
          .activeElement as { blur?: () => void } | null;
        active?.blur?.();
      });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    close: () => context.close(),
  };
}

/** Whether a `purchaseUpdated` event in `state` reached the page over its WebSocket. */
export function heardLive(shop: StorePage, state: string): boolean {
  return shop.liveEvents.some(
    (data) => (data['purchaseUpdated'] as { state?: unknown } | undefined)?.state === state,
  );
}

/** The password of every player the tests sign up. */
export const PLAYER_PASSWORD = 'correct horse battery staple';

/** Signs a new player up through the store's form; resolves once the header shows their gil. */
export async function signUpInStore(page: Page, username: string): Promise<void> {
  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Email').fill(`${username}@example.test`);
  await page.getByLabel('Password').fill(PLAYER_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page
    .getByTestId('balance')
    .filter({ hasText: /\d+ gil/ })
    .waitFor();
}

/** Signs in through the store's form; resolves once the header shows the account's gil. */
export async function signInInStore(page: Page, usernameOrEmail: string, password: string) {
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Username or email').fill(usernameOrEmail);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByTestId('balance')
    .filter({ hasText: /\d+ gil/ })
    .waitFor();
}

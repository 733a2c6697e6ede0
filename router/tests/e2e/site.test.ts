import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../src/index.ts';
import { postGraphQL } from '../support/http.ts';
import { startTestStack, type TestStack } from '../support/startTestStack.ts';

/** A site built as Vite lays it out, beside a secret the site must never serve. */
async function aBuiltSite(): Promise<{ root: string; site: string }> {
  const root = await mkdtemp(join(tmpdir(), 'router-site-'));
  const site = join(root, 'dist');
  await mkdir(join(site, 'assets'), { recursive: true });
  await writeFile(join(site, 'index.html'), '<!doctype html><title>Store</title>');
  await writeFile(join(site, 'assets', 'index-abc123.js'), 'console.log("store")');
  await writeFile(join(site, 'robots.txt'), 'User-agent: *');
  await writeFile(join(site, '.env'), 'SECRET=1');
  await writeFile(join(root, 'secret.txt'), 'not for the web');
  return { root, site };
}

/** A GET with the path sent exactly as written (fetch would normalise `..`). */
function rawGet(origin: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(origin);
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a site served by the router', () => {
  let stack: TestStack;
  let origin: string;
  let root: string;

  beforeAll(async () => {
    const built = await aBuiltSite();
    root = built.root;
    stack = await startTestStack({ router: { site: { directory: built.site } } });
    origin = new URL(stack.router.url).origin;
  });

  afterAll(async () => {
    await stack?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('serves index.html at / and for the app routes, never cached without revalidation', async () => {
    for (const path of ['/', '/items/42', '/inventory?x=1']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(await response.text(), path).toContain('<title>Store</title>');
    }
  });

  it('serves hashed assets for a year and other files as they are', async () => {
    const asset = await fetch(`${origin}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("store")');
    const robots = await fetch(`${origin}/robots.txt`);
    expect(robots.headers.get('cache-control')).toBe('no-cache');
    expect(await robots.text()).toBe('User-agent: *');
  });

  it('answers 404 for missing files instead of the app', async () => {
    expect((await fetch(`${origin}/assets/index-gone.js`)).status).toBe(404);
    expect((await fetch(`${origin}/favicon.ico`)).status).toBe(404);
    expect((await fetch(`${origin}/.env`)).status).toBe(404);
  });

  it('serves nothing from outside its directory', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
    ]) {
      const { status, body } = await rawGet(origin, path);
      expect(body, path).not.toContain('not for the web');
      expect([400, 403, 404], path).toContain(status);
    }
  });

  it('leaves the router its own paths and every other method', async () => {
    const graphql = await postGraphQL(stack.router.url, '{ products { id } }');
    expect(graphql.status).toBe(200);
    expect((await fetch(`${origin}/health/live`)).status).toBe(200);
    expect((await fetch(`${origin}/health/unknown`)).status).toBe(404);
    expect((await fetch(`${origin}/graphql/extra`)).status).toBe(404);
    expect((await fetch(`${origin}/metrics`)).headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await fetch(`${origin}/items/42`, { method: 'POST' })).status).toBe(404);
  });

  it('refuses to start on a directory without index.html', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'router-site-empty-'));
    await expect(
      createRouter({
        supergraphPath: stack.supergraphPath,
        port: 0,
        host: '127.0.0.1',
        routerSecret: 'x'.repeat(32),
        site: { directory: empty },
      }),
    ).rejects.toThrow(/has no index\.html/);
    await rm(empty, { recursive: true, force: true });
  });
});

describe('a site named by ROUTER_SITE_DIRECTORY (how the router image serves the web store)', () => {
  const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
  let stack: TestStack;
  let root: string;
  let site: string;
  const children: ChildProcess[] = [];

  /** `router/src/main.ts` as the image starts it, with only the environment given. */
  function runMain(env: Record<string, string>): {
    child: ChildProcess;
    exited: Promise<unknown[]>;
  } {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        ROUTER_PORT: '0',
        ROUTER_HOST: '127.0.0.1',
        SUPERGRAPH_PATH: stack.supergraphPath,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    // Listened for at once: the process may be gone before the test reads its last line.
    return { child, exited: once(child, 'exit') };
  }

  async function logLine(child: ChildProcess, message: string): Promise<Record<string, unknown>> {
    for await (const line of createInterface({ input: child.stdout! })) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (entry['msg'] === message) return entry;
    }
    throw new Error(`process ended without logging "${message}"`);
  }

  beforeAll(async () => {
    ({ root, site } = await aBuiltSite());
    stack = await startTestStack();
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await stack?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('serves the directory at the origin of the router main starts, GraphQL beside it', async () => {
    const { child, exited } = runMain({ ROUTER_SITE_DIRECTORY: site });
    const ready = await logLine(child, 'router ready');
    const origin = new URL(String(ready['url'])).origin;
    const page = await fetch(`${origin}/items/42`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Store</title>');
    const graphql = await postGraphQL(String(ready['url']), '{ products { id } }');
    expect(graphql.status).toBe(200);
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
  });

  it('refuses to start when the directory holds no build', async () => {
    const { child, exited } = runMain({ ROUTER_SITE_DIRECTORY: root });
    const failure = await logLine(child, 'router failed to start');
    expect(JSON.stringify(failure)).toMatch(/has no index\.html: build the site first/);
    expect((await exited)[0]).toBe(1);
  });
});

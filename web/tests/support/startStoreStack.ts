import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type RunningStack } from '@play-economy/local-stack';
import { buildWebStore, WEB_STORE_BUILD, WEB_STORE_WORKSPACE } from '../../../scripts/webStore.ts';

/** The manifest `npm run codegen` generates from the store's operations. */
export const STORE_MANIFEST = join(WEB_STORE_WORKSPACE, 'src', 'gql', 'persisted-documents.json');

/** What the tests themselves send as the admin, to set the scene. Not the store's. */
export const SEEDING_DOCUMENTS = {
  createItem:
    'mutation SeedItem($input: CreateItemInput!) { createItem(input: $input) { id name price } }',
  grantItems:
    'mutation SeedGrant($userId: ID!, $itemId: ID!, $quantity: Int!) { grantItems(userId: $userId, itemId: $itemId, quantity: $quantity) { quantity } }',
  deleteItem: 'mutation SeedDelete($id: ID!) { deleteItem(id: $id) }',
  register:
    'mutation SeedPlayer($input: RegisterInput!) { register(input: $input) { user { id } } }',
} as const;

/** The admin account identity seeds at start-up (`ADMIN_USERNAME`, `ADMIN_EMAIL`, `ADMIN_PASSWORD`). */
export const ADMIN = {
  username: 'storekeeper',
  email: 'storekeeper@example.test',
  password: 'a long admin password for the browser tests',
} as const;

export interface StoreStack {
  stack: RunningStack;
  /** Where the browser opens the store: the router's origin. */
  storeUrl: string;
  /** The store's own manifest: id → document. */
  storeManifest: Readonly<Record<string, string>>;
  /** The id of the store's operation named `name` in its manifest. */
  storeDocumentId(name: string): string;
  /** Signs in through the router with the store's own `SignIn` operation, by id. */
  signIn(usernameOrEmail: string, password: string): Promise<SignedIn>;
  /** Sends one of {@link SEEDING_DOCUMENTS} as the admin; throws on any error. */
  seed<T>(document: string, variables: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  userId: string;
}

export interface StoreStackOptions {
  /** Environment over the test defaults (`ACCESS_TOKEN_TTL_SECONDS`, ...). */
  env?: Record<string, string>;
}

/**
 * Builds the web store as it is now and starts the whole stack in this process (embedded
 * stores, in-process bus: no broker needed) with the router serving the build at its origin and
 * enforcing trusted documents: the store's generated manifest plus {@link SEEDING_DOCUMENTS}.
 */
export async function startStoreStack(options: StoreStackOptions = {}): Promise<StoreStack> {
  await buildWebStore();
  const storeManifest = JSON.parse(await readFile(STORE_MANIFEST, 'utf8')) as Record<
    string,
    string
  >;
  const directory = await mkdtemp(join(tmpdir(), 'web-store-test-'));
  const manifestPath = join(directory, 'trusted-documents.json');
  const seeding = Object.fromEntries(
    Object.values(SEEDING_DOCUMENTS).map((document) => [sha256(document), document]),
  );
  await writeFile(manifestPath, JSON.stringify({ ...storeManifest, ...seeding }));

  const stack = await startStack({
    ephemeralPorts: true,
    site: { directory: WEB_STORE_BUILD },
    env: {
      ...process.env,
      // In-process bus and embedded stores whatever the environment says: no broker needed.
      AMQP_URL: undefined,
      MONGODB_URL: undefined,
      REDIS_URL: undefined,
      NODE_ENV: 'test',
      SCRYPT_LOG_N_FOR_TESTS: '10',
      ROUTER_TRUSTED_DOCUMENTS: 'enforce',
      ROUTER_TRUSTED_DOCUMENTS_PATH: manifestPath,
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...options.env,
    },
  }).catch(async (error: unknown) => {
    await rm(directory, { recursive: true, force: true });
    throw error;
  });

  const storeDocumentId = (name: string) => {
    const pattern = new RegExp(`\\b(query|mutation|subscription) ${name}\\b`);
    const entry = Object.entries(storeManifest).find(([, document]) => pattern.test(document));
    if (!entry) throw new Error(`the store's manifest has no operation ${name}`);
    return entry[0];
  };
  const post = async (body: Record<string, unknown>, token?: string) => {
    const response = await fetch(stack.routerUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    if (answer.errors || !answer.data) throw new Error(JSON.stringify(answer.errors));
    return answer.data;
  };
  async function signIn(usernameOrEmail: string, password: string): Promise<SignedIn> {
    const { login } = (await post({
      documentId: storeDocumentId('SignIn'),
      variables: { input: { usernameOrEmail, password } },
    })) as { login: { accessToken: string; refreshToken: string; user: { id: string } } };
    return {
      accessToken: login.accessToken,
      refreshToken: login.refreshToken,
      userId: login.user.id,
    };
  }
  return {
    stack,
    storeUrl: `${stack.routerOrigin}/`,
    storeManifest,
    storeDocumentId,
    signIn,
    async seed<T>(document: string, variables: Record<string, unknown>) {
      // Signed in each time: access tokens may live seconds only in these tests.
      const admin = await signIn(ADMIN.username, ADMIN.password);
      return (await post({ query: document, variables }, admin.accessToken)) as T;
    },
    async stop() {
      await stack.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@play-economy/chassis';
import { createRouter, type RouterOptions, type RunningRouter } from '../../src/index.ts';
import { composeSupergraph } from './composeSupergraph.ts';
import { writeConfigMapVolume } from './writeConfigMapVolume.ts';
import {
  startTokenIssuer,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TokenIssuer,
} from './startTokenIssuer.ts';
import {
  productsSdl,
  reviewsSdl,
  startProducts,
  startReviews,
  type TestSubgraph,
  TEST_ROUTER_SECRET,
} from './testSubgraphs.ts';

export interface TestStack {
  products: TestSubgraph;
  reviews: TestSubgraph;
  router: RunningRouter;
  /** The token issuer the router trusts, when started with `auth`. */
  issuer: TokenIssuer | undefined;
  /** The supergraph file the router serves. */
  supergraphPath: string;
  /** Composes the test subgraphs as they are now, at the URLs given (default: their own). */
  compose(options?: { withPrice?: boolean; secured?: boolean; reviewsUrl?: string }): string;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  /** Compose `Product.price` into the first supergraph. */
  withPrice?: boolean;
  /** Compose the `@authenticated` / `@requiresScopes` fields into the first supergraph. */
  secured?: boolean;
  /**
   * Start a token issuer and have the router verify tokens against it. Its key set is
   * refetched for every unknown `kid` (no cooldown), so rotation tests need not wait.
   */
  auth?: boolean;
  /** Routing URL of reviews written into the supergraph (default: the real one). */
  reviewsUrl?: string;
  /**
   * Lay the supergraph out as a Kubernetes ConfigMap volume (`writeConfigMapVolume`): the file
   * the router reads is a symlink into `..data`, and updates swap `..data`.
   */
  configMapVolume?: boolean;
  /** Router options over the test defaults; a function receives the running subgraphs. */
  router?:
    | Partial<RouterOptions>
    | ((subgraphs: { products: TestSubgraph; reviews: TestSubgraph }) => Partial<RouterOptions>);
}

/** Two subgraphs on loopback, a supergraph file composed from them, and a router serving it. */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const [products, reviews, issuer] = await Promise.all([
    startProducts(),
    startReviews(),
    options.auth ? startTokenIssuer() : undefined,
  ]);
  const directory = await mkdtemp(join(tmpdir(), 'router-test-'));
  const supergraphPath = join(directory, 'supergraph.graphql');
  const compose: TestStack['compose'] = ({ withPrice = false, secured = false, reviewsUrl } = {}) =>
    composeSupergraph([
      { name: 'products', url: products.url, sdl: productsSdl({ withPrice, secured }) },
      { name: 'reviews', url: reviewsUrl ?? reviews.url, sdl: reviewsSdl },
    ]);
  if (options.configMapVolume) {
    await writeConfigMapVolume(directory, { 'supergraph.graphql': compose(options) });
  } else {
    await writeFile(supergraphPath, compose(options));
  }
  const router = await createRouter({
    supergraphPath,
    port: 0,
    host: '127.0.0.1',
    introspection: true,
    landingPage: 'sandbox',
    routerSecret: TEST_ROUTER_SECRET,
    logger: createLogger({ service: 'router', level: 'silent' }),
    ...(issuer
      ? {
          auth: {
            jwksUrl: issuer.jwksUrl,
            issuer: TEST_ISSUER,
            audience: TEST_AUDIENCE,
            jwksCooldownMs: 0,
          },
        }
      : {}),
    ...(typeof options.router === 'function'
      ? options.router({ products, reviews })
      : options.router),
  });
  return {
    products,
    reviews,
    router,
    issuer,
    supergraphPath,
    compose,
    stop: async () => {
      await router.stop();
      await Promise.all([products.stop(), reviews.stop(), issuer?.stop()]);
      await rm(directory, { recursive: true, force: true });
    },
  };
}

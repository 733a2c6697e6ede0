// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/', '**/*.generated.ts', 'coverage/', 'web/dist/', 'web/src/gql/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Ports and adapters: domain rules and use cases know nothing of MongoDB, RabbitMQ or the
    // servers; they reach them through ports that infrastructure/ implements. What they may use
    // of the chassis is its dependency-free entry.
    files: ['subgraphs/*/src/domain/**/*.ts', 'subgraphs/*/src/application/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...[
              '@play-economy/chassis',
              '@play-economy/chassis/bus',
              '@play-economy/chassis/web',
            ].map((name) => ({
              name,
              message:
                'Domain and application code imports @play-economy/chassis/domain; this entry loads drivers and servers.',
            })),
            ...[
              'mongodb',
              'amqplib',
              'amqp-connection-manager',
              'mingo',
              'express',
              'graphql',
              'graphql-ws',
              'ws',
            ].map((name) => ({
              name,
              message: 'Infrastructure belongs in infrastructure/ (an adapter behind a port).',
            })),
          ],
          patterns: [
            {
              group: ['**/infrastructure/**', '**/graphql/**', '@play-economy/chassis/src/**'],
              message:
                'Domain and application code depends on ports, not on adapters, resolvers or chassis internals.',
            },
            {
              group: ['mongodb/**', 'amqplib/**', '@apollo/**', 'ioredis', 'redis'],
              message: 'Infrastructure belongs in infrastructure/ (an adapter behind a port).',
            },
          ],
        },
      ],
    },
  },
  {
    // The web store runs in the browser.
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
);

export * from './startStack.ts';
export * from './createGraphQLClient.ts';

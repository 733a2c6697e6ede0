export * from './startStack.ts';
export * from './createGraphQLClient.ts';
export * from './watchBroker.ts';

export * from './startStack.ts';
export * from './loadSubgraphs.ts';
export * from './createGraphQLClient.ts';
export * from './watchBroker.ts';
export * from './startProcessStack.ts';
export * from './watchPurchases.ts';
export * from './findFreePort.ts';
export * from './startLoadBalancer.ts';

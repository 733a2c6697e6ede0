/**
 * The event bus alone, for a service that consumes events but keeps no store (the router,
 * which evicts its cache on them): the port, and the factory that picks RabbitMQ or the
 * in-process bus.
 */
export * from './bus/EventBus.ts';
export * from './bus/createBus.ts';

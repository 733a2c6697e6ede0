/**
 * What domain and application code may use of the chassis: coded errors, the viewer and its
 * roles, paging rules, message contracts and the recording of events, and the types of the
 * ports (unit of work, store session, live feed). It loads no driver (MongoDB, RabbitMQ) and no
 * server, so domain unit tests stay fast; the lint rule in `eslint.config.js` keeps
 * `domain/` and `application/` on it.
 */
export * from './errors/DomainError.ts';
export * from './auth/Viewer.ts';
export * from './auth/accessRules.ts';
export * from './graphql/connectionCursor.ts';
export * from './messages/defineMessage.ts';
export * from './bus/subscriberOf.ts';
export * from './bus/createMessage.ts';
export { isDuplicateKeyError } from './store/DocumentStore.ts';
export type { DeliveryInfo, Message } from './bus/EventBus.ts';
export type { RecordMessages, UnitOfWork } from './bus/UnitOfWork.ts';
export type { StoreSession } from './store/DocumentStore.ts';
export type { LiveFeed } from './live/LiveFeed.ts';
export { z } from 'zod';

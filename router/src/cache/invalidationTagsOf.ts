import type { Message } from '@play-economy/chassis/bus';

/** Topics whose events change what the entity cache holds. */
export const INVALIDATION_TOPICS = ['catalog.item.*', 'identity.#'];

/**
 * The cache tags an event makes stale: the entity it names (`Item:<id>`, `User:<userId>`) and
 * its type (`Item`, `User`), which guards cached lists and root fields that return the type. A
 * created entity has no entries yet, but lists must show it. Events that change nothing the
 * cache holds (a refused debit) give none.
 */
export function invalidationTagsOf(message: Pick<Message, 'type' | 'payload'>): string[] {
  const payload = (typeof message.payload === 'object' ? message.payload : null) as Record<
    string,
    unknown
  > | null;
  if (message.type.startsWith('catalog.item.')) {
    const id = payload?.['id'];
    if (message.type === 'catalog.item.created') return ['Item'];
    return typeof id === 'string' ? ['Item', `Item:${id}`] : ['Item'];
  }
  if (message.type.startsWith('identity.')) {
    if (message.type === 'identity.gil.debit_failed') return [];
    const userId = payload?.['userId'];
    return typeof userId === 'string' ? ['User', `User:${userId}`] : ['User'];
  }
  return [];
}

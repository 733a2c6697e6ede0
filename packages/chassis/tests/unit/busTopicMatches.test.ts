import { describe, expect, it } from 'vitest';
import { topicMatches } from '../../src/bus/topicMatches.ts';

describe('topicMatches (RabbitMQ topic semantics)', () => {
  it.each([
    ['catalog.item.updated', 'catalog.item.updated', true],
    ['catalog.item.updated', 'catalog.item.created', false],
    ['catalog.item.*', 'catalog.item.updated', true],
    ['catalog.item.*', 'catalog.item', false],
    ['catalog.item.*', 'catalog.item.updated.v2', false],
    ['*.item.*', 'catalog.item.deleted', true],
    ['*', 'catalog', true],
    ['*', 'catalog.item', false],
    ['#', 'catalog.item.updated', true],
    ['#', 'catalog', true],
    ['catalog.#', 'catalog', true],
    ['catalog.#', 'catalog.item.updated', true],
    ['catalog.#', 'identity.user.created', false],
    ['#.updated', 'catalog.item.updated', true],
    ['#.updated', 'updated', true],
    ['#.updated', 'catalog.item.created', false],
    ['catalog.#.updated', 'catalog.updated', true],
    ['catalog.#.updated', 'catalog.item.price.updated', true],
    ['catalog.#.updated', 'catalog.item.created', false],
    ['#.item.#', 'catalog.item.updated', true],
    ['#.item.#', 'item', true],
    ['#.#', 'a.b', true],
    ['*.#', 'a', true],
    ['*.*.#', 'a', false],
    ['catalog.*.updated', 'catalog..updated', true],
  ])('%s ~ %s → %s', (pattern, routingKey, expected) => {
    expect(topicMatches(pattern, routingKey)).toBe(expected);
  });
});

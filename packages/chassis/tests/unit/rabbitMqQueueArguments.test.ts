import { describe, expect, it } from 'vitest';
import { rabbitMqQueueArguments, rabbitMqTopology } from '../../src/bus/rabbitMqTopology.ts';

const topology = rabbitMqTopology('trading.complete_purchase_on_gil_debited', {
  maxRetries: 2,
  initialDelayMs: 1000,
});

describe('rabbitMqQueueArguments', () => {
  it('declares shared classic queues without a queue type, as before quorum queues existed', () => {
    const classic = rabbitMqQueueArguments(topology, {
      kind: 'shared',
      type: 'classic',
      deliveryLimit: 20,
    });
    expect(classic.queue).toEqual({});
    expect(classic.deadLetterQueue).toEqual({});
    expect(classic.retryQueue(2000)).toEqual({
      'x-message-ttl': 2000,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': 'trading.complete_purchase_on_gil_debited',
    });
  });

  it('declares shared quorum queues with a delivery limit that dead-letters at least once', () => {
    const quorum = rabbitMqQueueArguments(topology, {
      kind: 'shared',
      type: 'quorum',
      deliveryLimit: 7,
    });
    expect(quorum.queue).toEqual({
      'x-queue-type': 'quorum',
      'x-delivery-limit': 7,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': 'dead_letter.trading.complete_purchase_on_gil_debited',
      'x-dead-letter-strategy': 'at-least-once',
      'x-overflow': 'reject-publish',
    });
    expect(quorum.deadLetterQueue).toEqual({ 'x-queue-type': 'quorum' });
    expect(quorum.retryQueue(1000)).toEqual({
      'x-queue-type': 'quorum',
      'x-message-ttl': 1000,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': 'trading.complete_purchase_on_gil_debited',
      'x-dead-letter-strategy': 'at-least-once',
      'x-overflow': 'reject-publish',
    });
  });

  it('declares per-instance queues classic and expiring, whatever shared queues are', () => {
    const perInstance = rabbitMqQueueArguments(topology, {
      kind: 'perInstance',
      expiresAfterMs: 60_000,
    });
    expect(perInstance.queue).toEqual({ 'x-queue-type': 'classic', 'x-expires': 60_000 });
    expect(perInstance.deadLetterQueue).toEqual({ 'x-queue-type': 'classic', 'x-expires': 60_000 });
    expect(perInstance.retryQueue(1000)).toMatchObject({
      'x-queue-type': 'classic',
      'x-expires': 60_000,
      'x-message-ttl': 1000,
    });
  });
});

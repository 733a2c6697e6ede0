import { randomUUID } from 'node:crypto';

/**
 * How long the broker keeps a per-instance queue nobody consumes. Long enough to ride out a
 * reconnection without losing the notifications published meanwhile, short enough that the
 * queue of a replica that is gone for good does not pile up messages.
 */
export const PER_INSTANCE_QUEUE_EXPIRES_MS = 60_000;

/** `<name>.<random id>`: the queue one bus instance reads a `perInstance` subscription from. */
export function perInstanceQueueName(name: string): string {
  return `${name}.${randomUUID()}`;
}

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * How long the broker keeps a per-instance queue nobody consumes. Long enough to ride out a
 * reconnection without losing the notifications published meanwhile, short enough that the
 * queue of a replica that is gone for good does not pile up messages.
 */
export const PER_INSTANCE_QUEUE_EXPIRES_MS = 60_000;

/**
 * `<name>.<host>.<random id>`: the queue one bus instance reads a `perInstance` subscription
 * from; the host tells an operator whose queue it is.
 */
export function perInstanceQueueName(name: string): string {
  return `${name}.${hostname()}.${randomUUID().slice(0, 8)}`;
}

/** AMQP headers the RabbitMQ adapter sets on the retry and dead-letter paths. */
export const rabbitMqHeaders = {
  /** On a message in the retry path: the `DeliveryInfo.attempt` its next delivery has. */
  attempt: 'x-attempt',
  /** On a dead letter: how many times it was delivered in all. */
  attempts: 'x-attempts',
  /** On a retried or dead-lettered message: the last handler error, truncated. */
  lastError: 'x-last-error',
  /** On a dead letter: `retries-exhausted` or `malformed`. */
  deadLetterReason: 'x-dead-letter-reason',
  /** On a dead letter: ISO-8601 instant it was dead-lettered. */
  deadLetteredAt: 'x-dead-lettered-at',
  /** On a dead letter: the routing key it was first published with. */
  originalRoutingKey: 'x-original-routing-key',
} as const;

import { subgraphConfig, z } from '@play-economy/chassis';

const settings = subgraphConfig('trading', 4004, {
  /** How long a saga step waits for its reply before its command is sent again. */
  PURCHASE_STEP_TIMEOUT_SECONDS: z.coerce.number().positive().max(86_400).default(30),
  /** Sends of one command, the first included, before the purchase stops waiting. */
  PURCHASE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
});

export type TradingConfig = z.infer<typeof settings.schema>;

/** Trading's settings, from the environment; throws naming every bad variable. */
export const loadTradingConfig = settings.load;

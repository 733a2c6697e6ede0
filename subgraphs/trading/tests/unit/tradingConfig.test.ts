import { describe, expect, it } from 'vitest';
import { loadTradingConfig } from '../../src/config.ts';

describe('trading config', () => {
  it('defaults to port 4004, a 30 s step timeout and 5 attempts', () => {
    expect(loadTradingConfig({})).toMatchObject({
      TRADING_PORT: 4004,
      TRADING_HOST: '0.0.0.0',
      TRADING_DATABASE: 'trading',
      PURCHASE_STEP_TIMEOUT_SECONDS: 30,
      PURCHASE_MAX_ATTEMPTS: 5,
    });
  });

  it('reads the saga settings from the environment', () => {
    expect(
      loadTradingConfig({ PURCHASE_STEP_TIMEOUT_SECONDS: '2.5', PURCHASE_MAX_ATTEMPTS: '3' }),
    ).toMatchObject({ PURCHASE_STEP_TIMEOUT_SECONDS: 2.5, PURCHASE_MAX_ATTEMPTS: 3 });
  });

  it.each([
    { PURCHASE_STEP_TIMEOUT_SECONDS: '0' },
    { PURCHASE_MAX_ATTEMPTS: '0' },
    { PURCHASE_MAX_ATTEMPTS: 'many' },
    { TRADING_PORT: '70000' },
  ])('refuses %j, naming the variable', (env) => {
    expect(() => loadTradingConfig(env)).toThrow(Object.keys(env)[0]);
  });
});

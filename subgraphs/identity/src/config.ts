import { ConfigError, DEVELOPMENT_ADMIN_PASSWORD, subgraphConfig, z } from '@play-economy/chassis';
import { oneAddressCanExhaustAccount } from './domain/SignInLimits.ts';
import {
  DEFAULT_SCRYPT_PARAMETERS,
  type ScryptParameters,
} from './infrastructure/ScryptPasswordHasher.ts';

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const optionalText = () =>
  z.preprocess((value) => (value === '' ? undefined : value), z.string().min(1).optional());

const settings = subgraphConfig('identity', 4002, {
  /** `iss` of the access tokens identity signs. */
  JWT_ISSUER: z.string().min(1).default('play-economy-identity'),
  /** `aud` of the access tokens identity signs. */
  JWT_AUDIENCE: z.string().min(1).default('play-economy'),
  /**
   * Lifetime of an access token, in seconds: at least 60, or from 1 under NODE_ENV=test, where
   * tests of token expiry (the web store's refresh) need tokens that expire within seconds.
   */
  ACCESS_TOKEN_TTL_SECONDS: wholeNumber(1, 86_400, 900),
  /** Lifetime of a refresh token, in days; each refresh issues a new one. */
  REFRESH_TOKEN_TTL_DAYS: wholeNumber(1, 365, 30),
  /** How long a signing key signs before a new one replaces it, in hours. */
  SIGNING_KEY_ROTATION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 366)
    .default(24),
  /** Gil a new player starts with. */
  STARTING_GIL: wholeNumber(0, 2_147_483_647, 100),
  /** Failed sign-ins of one account from one address before its lockouts begin. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: wholeNumber(1, 1000, 5),
  /** Failed sign-ins from one address, whatever the accounts, per window. */
  LOGIN_MAX_FAILURES_PER_IP: wholeNumber(1, 100_000, 20),
  /**
   * Failed sign-ins of one account, whatever the addresses, per window: against guessing spread
   * over many addresses. Must be more than twice `LOGIN_MAX_FAILURES_PER_IP`, so one address
   * alone cannot use it up and lock the owner out.
   */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: wholeNumber(1, 1_000_000, 100),
  /** The window the per-address and per-account failures are counted over, in seconds. */
  LOGIN_FAILURE_WINDOW_SECONDS: wholeNumber(1, 86_400, 900),
  /** The first lockout of an account from one address, in seconds; each further failure doubles it. */
  LOGIN_FIRST_LOCKOUT_SECONDS: wholeNumber(1, 86_400, 60),
  /** The longest lockout of an account from one address, in seconds. */
  LOGIN_MAX_LOCKOUT_SECONDS: wholeNumber(1, 86_400, 3600),
  /** Registrations allowed from one client address per window. */
  REGISTRATION_MAX_PER_IP: wholeNumber(1, 100_000, 60),
  /** The window registrations are counted over, in seconds. */
  REGISTRATION_WINDOW_SECONDS: wholeNumber(1, 86_400, 3600),
  /**
   * log2 of scrypt's N for tests that need cheap hashing. Refused unless `NODE_ENV=test`, so a
   * deployment cannot weaken its password hashes by accident.
   */
  SCRYPT_LOG_N_FOR_TESTS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(4).max(16).optional(),
  ),
  /** The admin account seeded at start-up. Required in production. */
  ADMIN_USERNAME: optionalText(),
  ADMIN_EMAIL: optionalText(),
  ADMIN_PASSWORD: optionalText(),
});

const ADMIN_VARIABLES = ['ADMIN_USERNAME', 'ADMIN_EMAIL', 'ADMIN_PASSWORD'] as const;

/** Only development and tests may fall back to a well-known admin account. */
const DEVELOPMENT_ADMIN = {
  username: 'admin',
  email: 'admin@play-economy.local',
  password: DEVELOPMENT_ADMIN_PASSWORD,
};

export type IdentityConfig = z.infer<typeof settings.schema>;

/** The shortest access token lifetime outside tests. */
const MIN_ACCESS_TOKEN_TTL_SECONDS = 60;

/** Identity's settings, from the environment; throws naming every bad or missing variable. */
export function loadIdentityConfig(env?: Record<string, string | undefined>): IdentityConfig {
  const config = settings.load(env);
  adminAccountOf(config);
  const problems: string[] = [];
  if (config.SCRYPT_LOG_N_FOR_TESTS !== undefined && config.NODE_ENV !== 'test') {
    problems.push('SCRYPT_LOG_N_FOR_TESTS: only allowed with NODE_ENV=test');
  }
  if (
    config.ACCESS_TOKEN_TTL_SECONDS < MIN_ACCESS_TOKEN_TTL_SECONDS &&
    config.NODE_ENV !== 'test'
  ) {
    problems.push(
      `ACCESS_TOKEN_TTL_SECONDS: must be at least ${MIN_ACCESS_TOKEN_TTL_SECONDS} (less only with NODE_ENV=test)`,
    );
  }
  if (
    oneAddressCanExhaustAccount({
      perAddress: config.LOGIN_MAX_FAILURES_PER_IP,
      perAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    })
  ) {
    problems.push(
      'LOGIN_MAX_FAILURES_PER_ACCOUNT: must be more than twice LOGIN_MAX_FAILURES_PER_IP, or one address could lock an account out',
    );
  }
  if (config.LOGIN_MAX_LOCKOUT_SECONDS < config.LOGIN_FIRST_LOCKOUT_SECONDS) {
    problems.push('LOGIN_MAX_LOCKOUT_SECONDS: must not be less than LOGIN_FIRST_LOCKOUT_SECONDS');
  }
  if (problems.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`,
    );
  }
  return config;
}

/** The scrypt parameters to hash with: production's, or a test's cheaper N (see the setting). */
export function scryptParametersOf(config: IdentityConfig): ScryptParameters {
  return config.SCRYPT_LOG_N_FOR_TESTS === undefined
    ? DEFAULT_SCRYPT_PARAMETERS
    : { ...DEFAULT_SCRYPT_PARAMETERS, logN: config.SCRYPT_LOG_N_FOR_TESTS };
}

/** The admin account to seed: the configured one, or in development a well-known default. */
export function adminAccountOf(config: IdentityConfig): {
  username: string;
  email: string;
  password: string;
} {
  const { ADMIN_USERNAME, ADMIN_EMAIL, ADMIN_PASSWORD } = config;
  if (ADMIN_USERNAME && ADMIN_EMAIL && ADMIN_PASSWORD) {
    return { username: ADMIN_USERNAME, email: ADMIN_EMAIL, password: ADMIN_PASSWORD };
  }
  if (config.NODE_ENV === 'production') {
    const missing = ADMIN_VARIABLES.filter((variable) => !config[variable]);
    throw new ConfigError(
      `Invalid configuration:\n${missing.map((variable) => `  ${variable}: required in production`).join('\n')}`,
    );
  }
  return {
    username: ADMIN_USERNAME ?? DEVELOPMENT_ADMIN.username,
    email: ADMIN_EMAIL ?? DEVELOPMENT_ADMIN.email,
    password: ADMIN_PASSWORD ?? DEVELOPMENT_ADMIN.password,
  };
}

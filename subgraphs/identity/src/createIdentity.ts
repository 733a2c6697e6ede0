import type { DocumentStore, UnitOfWork } from '@play-economy/chassis';
import { AdjustGil } from './application/AdjustGil.ts';
import { CreateUser } from './application/CreateUser.ts';
import { DebitGilOnDebitGilRequested } from './application/DebitGilOnDebitGilRequested.ts';
import { RefundGilOnRefundGilRequested } from './application/RefundGilOnRefundGilRequested.ts';
import { GetJwks } from './application/GetJwks.ts';
import { GetUser } from './application/GetUser.ts';
import { GetViewer } from './application/GetViewer.ts';
import type { IdentityUseCases } from './application/IdentityUseCases.ts';
import { IssueSession } from './application/IssueSession.ts';
import { ListUsers } from './application/ListUsers.ts';
import { ChangePassword } from './application/ChangePassword.ts';
import { CheckPassword } from './application/CheckPassword.ts';
import { Login } from './application/Login.ts';
import { RefreshSession, type ReuseListener } from './application/RefreshSession.ts';
import { Register } from './application/Register.ts';
import { RotateSigningKey } from './application/RotateSigningKey.ts';
import { SeedAdmin } from './application/SeedAdmin.ts';
import { SignInThrottle } from './application/SignInThrottle.ts';
import { SignOut } from './application/SignOut.ts';
import { SignOutEverywhere } from './application/SignOutEverywhere.ts';
import type { IdentityConfig } from './config.ts';
import type { AttemptLimiterFactory } from './domain/AttemptLimiter.ts';
import type { PasswordHasher } from './domain/PasswordHasher.ts';
import { CONSECUTIVE_FAILURE_MEMORY_SECONDS, type SignInLimits } from './domain/SignInLimits.ts';
import { FlexibleAttemptLimiter } from './infrastructure/FlexibleAttemptLimiter.ts';
import { JoseTokenSigner } from './infrastructure/JoseTokenSigner.ts';
import { MongoRefreshTokenRepository } from './infrastructure/MongoRefreshTokenRepository.ts';
import { MongoSigningKeyRepository } from './infrastructure/MongoSigningKeyRepository.ts';
import { MongoUserRepository } from './infrastructure/MongoUserRepository.ts';
import { ScryptPasswordHasher } from './infrastructure/ScryptPasswordHasher.ts';

/** The settings the use cases run with. */
export interface IdentitySettings {
  /** `iss` of access tokens. */
  issuer: string;
  /** `aud` of access tokens. */
  audience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Gil a new player starts with. */
  startingGil: number;
  signInLimits: SignInLimits;
  /** Registrations allowed from one client address per window. */
  registrationLimit: { perAddress: number; windowSeconds: number };
}

export function identitySettingsOf(config: IdentityConfig): IdentitySettings {
  return {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    startingGil: config.STARTING_GIL,
    signInLimits: {
      perAccountAndAddress: config.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP,
      perAddress: config.LOGIN_MAX_FAILURES_PER_IP,
      perAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
      firstLockoutSeconds: config.LOGIN_FIRST_LOCKOUT_SECONDS,
      maxLockoutSeconds: config.LOGIN_MAX_LOCKOUT_SECONDS,
    },
    registrationLimit: {
      perAddress: config.REGISTRATION_MAX_PER_IP,
      windowSeconds: config.REGISTRATION_WINDOW_SECONDS,
    },
  };
}

export interface IdentityDependencies {
  store: DocumentStore;
  unitOfWork: UnitOfWork;
  settings: IdentitySettings;
  /** Defaults to scrypt with its production parameters. */
  hasher?: PasswordHasher;
  /**
   * Where attempt budgets are kept. Defaults to `rate-limiter-flexible` over the store: in the
   * MongoDB database every replica shares, or in memory with the embedded store.
   */
  limiters?: AttemptLimiterFactory;
  /** Told when a used refresh token comes back (its family is then revoked). */
  onRefreshTokenReuse?: ReuseListener;
}

export interface Identity {
  useCases: IdentityUseCases;
  /** The subscriber that pays for purchases, to subscribe to the bus. */
  debitGil: DebitGilOnDebitGilRequested;
  /** The subscriber that gives back late debits of purchases that faulted, likewise. */
  refundGil: RefundGilOnRefundGilRequested;
}

/** Wires identity's use cases to their adapters over one store: the composition root. */
export async function createIdentity(dependencies: IdentityDependencies): Promise<Identity> {
  const { store, unitOfWork, settings } = dependencies;
  const users = await MongoUserRepository.create(store);
  const refreshTokens = await MongoRefreshTokenRepository.create(store);
  const signingKeys = await MongoSigningKeyRepository.create(store);
  const hasher = dependencies.hasher ?? new ScryptPasswordHasher();
  const limiter: AttemptLimiterFactory =
    dependencies.limiters ?? ((name, budget) => FlexibleAttemptLimiter.create(store, name, budget));
  const limits = settings.signInLimits;
  const signInThrottle = new SignInThrottle(
    {
      perAccountAndAddress: await limiter('sign_in_account_address', {
        points: limits.perAccountAndAddress,
        durationSeconds: CONSECUTIVE_FAILURE_MEMORY_SECONDS,
      }),
      lockouts: await limiter('sign_in_lockouts', {
        points: Number.MAX_SAFE_INTEGER,
        durationSeconds: CONSECUTIVE_FAILURE_MEMORY_SECONDS,
      }),
      perAddress: await limiter('sign_in_address', {
        points: limits.perAddress,
        durationSeconds: limits.windowSeconds,
      }),
      perAccount: await limiter('sign_in_account', {
        points: limits.perAccount,
        durationSeconds: limits.windowSeconds,
      }),
    },
    limits,
  );
  const registrations = await limiter('registration_address', {
    points: settings.registrationLimit.perAddress,
    durationSeconds: settings.registrationLimit.windowSeconds,
  });
  const signer = new JoseTokenSigner();
  const { accessTokenTtlSeconds } = settings;

  const rotateSigningKey = new RotateSigningKey(signingKeys, signer, { accessTokenTtlSeconds });
  const issueSession = new IssueSession(refreshTokens, signingKeys, rotateSigningKey, signer, {
    issuer: settings.issuer,
    audience: settings.audience,
    accessTokenTtlSeconds,
    refreshTokenTtlDays: settings.refreshTokenTtlDays,
  });
  const createUser = new CreateUser(users, hasher, unitOfWork, {
    startingGil: settings.startingGil,
  });
  const checkPassword = new CheckPassword(hasher, signInThrottle);
  return {
    useCases: {
      getViewer: new GetViewer(users),
      getUser: new GetUser(users),
      listUsers: new ListUsers(users),
      register: new Register(createUser, issueSession, registrations),
      login: new Login(users, hasher, checkPassword, issueSession),
      refreshSession: new RefreshSession(
        refreshTokens,
        users,
        issueSession,
        dependencies.onRefreshTokenReuse,
      ),
      signOut: new SignOut(refreshTokens),
      signOutEverywhere: new SignOutEverywhere(users, refreshTokens, unitOfWork),
      changePassword: new ChangePassword(
        users,
        refreshTokens,
        hasher,
        checkPassword,
        issueSession,
        unitOfWork,
      ),
      adjustGil: new AdjustGil(users, unitOfWork),
      getJwks: new GetJwks(signingKeys, { accessTokenTtlSeconds }),
      rotateSigningKey,
      seedAdmin: new SeedAdmin(users, createUser),
    },
    debitGil: new DebitGilOnDebitGilRequested(users, unitOfWork),
    refundGil: new RefundGilOnRefundGilRequested(users, unitOfWork),
  };
}

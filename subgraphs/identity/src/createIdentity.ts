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
import { Login, type LoginSettings } from './application/Login.ts';
import { RefreshSession, type ReuseListener } from './application/RefreshSession.ts';
import { Register } from './application/Register.ts';
import { RotateSigningKey } from './application/RotateSigningKey.ts';
import { SeedAdmin } from './application/SeedAdmin.ts';
import type { IdentityConfig } from './config.ts';
import type { PasswordHasher } from './domain/PasswordHasher.ts';
import { JoseTokenSigner } from './infrastructure/JoseTokenSigner.ts';
import { MongoLoginFailureRepository } from './infrastructure/MongoLoginFailureRepository.ts';
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
  loginThrottle: LoginSettings;
}

export function identitySettingsOf(config: IdentityConfig): IdentitySettings {
  const windowMs = config.LOGIN_FAILURE_WINDOW_SECONDS * 1000;
  return {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    startingGil: config.STARTING_GIL,
    loginThrottle: {
      perAccount: { maxFailures: config.LOGIN_MAX_FAILURES_PER_ACCOUNT, windowMs },
      perAddress: { maxFailures: config.LOGIN_MAX_FAILURES_PER_IP, windowMs },
    },
  };
}

export interface IdentityDependencies {
  store: DocumentStore;
  unitOfWork: UnitOfWork;
  settings: IdentitySettings;
  /** Defaults to scrypt with its production parameters. */
  hasher?: PasswordHasher;
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
  const loginFailures = await MongoLoginFailureRepository.create(store);
  const hasher = dependencies.hasher ?? new ScryptPasswordHasher();
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
  return {
    useCases: {
      getViewer: new GetViewer(users),
      getUser: new GetUser(users),
      listUsers: new ListUsers(users),
      register: new Register(createUser, issueSession),
      login: new Login(users, hasher, loginFailures, issueSession, settings.loginThrottle),
      refreshSession: new RefreshSession(
        refreshTokens,
        users,
        issueSession,
        dependencies.onRefreshTokenReuse,
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

import type { RequestContext } from '@play-economy/chassis';
import type { IdentityUseCases } from '../application/IdentityUseCases.ts';

/** What every identity resolver receives. */
export interface Context extends RequestContext {
  identity: IdentityUseCases;
}

import type { RequestContext } from '@play-economy/chassis';
import type { CatalogUseCases } from '../application/CatalogUseCases.ts';

/** What every catalog resolver receives. */
export interface Context extends RequestContext {
  catalog: CatalogUseCases;
}

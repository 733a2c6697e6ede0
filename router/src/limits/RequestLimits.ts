import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './documentLimits.ts';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from './RateLimits.ts';
import type { TrustedDocumentsSettings } from './TrustedDocuments.ts';

/** Everything that bounds what one request, or one caller, may cost the router. */
export interface RequestLimitSettings {
  /** Size and shape of documents, checked before validation. */
  document: DocumentLimits;
  /** Highest estimated cost an operation may have (`@cost`/`@listSize`); `0` for no maximum. */
  maxCost: number;
  /** Size assumed for lists the subgraphs do not size. */
  defaultListSize: number;
  /** Operations per caller, over HTTP and WebSocket together; `perMinute: 0` turns them off. */
  rateLimits: RateLimitSettings;
  trustedDocuments: TrustedDocumentsSettings;
  /** WebSocket connections one caller may hold open on one router. */
  maxConnectionsPerCaller: number;
  /** Messages a WebSocket client may send per second before its connection is closed. */
  maxMessagesPerSecond: number;
}

export const DEFAULT_REQUEST_LIMITS: Readonly<RequestLimitSettings> = {
  document: DEFAULT_DOCUMENT_LIMITS,
  maxCost: 5_000,
  defaultListSize: 10,
  rateLimits: DEFAULT_RATE_LIMITS,
  trustedDocuments: { mode: 'off' },
  maxConnectionsPerCaller: 20,
  maxMessagesPerSecond: 20,
};

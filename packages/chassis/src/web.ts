/**
 * The part of the chassis a stateless HTTP service needs (the router): config, logging,
 * health, errors and the auth context, without the store and bus engines, whose drivers
 * would only cost memory there.
 */
export * from './config/loadConfig.ts';
export * from './logging/createLogger.ts';
export * from './health/healthRoutes.ts';
export * from './http/listen.ts';
export * from './http/findFreePort.ts';
export * from './http/requestIdOf.ts';
export * from './errors/DomainError.ts';
export * from './errors/formatError.ts';
export * from './auth/Viewer.ts';
export * from './auth/accessRules.ts';
// The zod instance config schemas must be built with to be accepted by `loadConfig`.
export { z } from 'zod';
export * from './metrics/ServiceMetrics.ts';
export * from './metrics/observedMetricNames.ts';
export * from './metrics/metricsRoute.ts';
export * from './metrics/graphqlMetricsPlugin.ts';
export * from './telemetry/injectTraceContext.ts';
export * from './telemetry/extractTraceContext.ts';
export * from './telemetry/traceGraphQLRequests.ts';
export * from './telemetry/shutdownTelemetry.ts';
export * from './service/shutdownOnSignals.ts';
export * from './service/serviceNodeFlags.ts';
export type { Counter, Gauge, Histogram } from 'prom-client';
export * from './telemetry/SubscriptionTrace.ts';

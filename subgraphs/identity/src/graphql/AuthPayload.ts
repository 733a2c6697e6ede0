import type { AuthPayloadResolvers } from './types.generated.ts';
export const AuthPayload: AuthPayloadResolvers = {/* Implement AuthPayload resolver logic here */};

import type { PageInfoResolvers } from './types.generated.ts';
export const PageInfo: PageInfoResolvers = {/* Implement PageInfo resolver logic here */};

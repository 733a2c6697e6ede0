/**
 * The Federation gateway compatibility audit this repository runs its router against: The
 * Guild's public suite of 46 supergraphs and 199 queries. It is not published on npm, so it is
 * run from a copy (see `locateFederationAudit`), which must be at this commit.
 */
export const pinnedFederationAudit = {
  repository: 'https://github.com/graphql-hive/federation-gateway-audit',
  commit: 'f59c05e3f48f4a4f8e8a731d67a1b71a9788a96f',
} as const;

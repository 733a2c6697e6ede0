import { join } from 'node:path';
import { repositoryRoot } from '../schema/repositoryRoot.ts';
import { pinnedFederationAudit } from './pinnedFederationAudit.ts';

const dir = join(repositoryRoot, 'node_modules/.cache/federation-audit');
const installDir = join(dir, pinnedFederationAudit.commit);

/**
 * Where the audit lives once installed: in `node_modules/.cache`, outside the source tree and
 * ignored with the rest of `node_modules`.
 */
export const federationAuditCache = {
  /** The installation of the pinned commit (see `installFederationAudit`). */
  installDir,
  /** The last run's logs, results and supergraphs. */
  runDir: join(installDir, 'run'),
  /** Where the public repository is cloned when no copy is found. */
  cloneDir: join(dir, `clone-${pinnedFederationAudit.commit}`),
} as const;

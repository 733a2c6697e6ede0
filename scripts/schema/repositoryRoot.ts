import { fileURLToPath } from 'node:url';

/** The repository root, found from this file, so the commands work from any directory. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

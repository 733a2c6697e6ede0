/**
 * Renders the Helm chart as `helm template` would, with scripts/helm-render: Go's own
 * text/template and the Sprig library Helm ships, built from Debian's Go packages (no helm binary
 * can be installed on the machines this project is built on). See docs/kubernetes.md.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The Debian packages the renderer is built from; `.ci/run` installs them. */
export const RENDERER_PACKAGES = [
  'golang-go',
  'golang-github-masterminds-sprig-dev',
  'golang-k8s-sigs-yaml-dev',
];

/** A rendered Kubernetes object. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export type RenderResult =
  { ok: true; manifests: Manifest[]; files: Record<string, string> } | { ok: false; error: string };

/**
 * Builds the renderer and returns a function rendering the chart
 * at `chart` (relative to the repository) with the values given over its values.yaml.
 */
export function buildHelmRenderer(
  chart: string,
): (
  values: Record<string, unknown>,
  release?: { name: string; namespace: string },
) => RenderResult {
  // Rebuilt on every run (Go's build cache makes that quick), in place of the last one.
  const binary = join(root, 'node_modules/.cache/helm-render/helm-render');
  const build = spawnSync('go', ['build', '-o', binary, '.'], {
    cwd: join(root, 'scripts/helm-render'),
    // GOPATH mode over Debian's Go sources: nothing is downloaded.
    env: { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOFLAGS: '' },
    encoding: 'utf8',
  });
  if (build.error || build.status !== 0) {
    throw new Error(
      `cannot build scripts/helm-render (needs Debian's ${RENDERER_PACKAGES.join(', ')}; .ci/run installs them): ${build.error?.message ?? build.stderr}`,
    );
  }
  return (values, release = { name: 'shop', namespace: 'play-economy' }) => {
    const run = spawnSync(binary, [], {
      input: JSON.stringify({ chart: join(root, chart), values, release }),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) throw run.error;
    if (run.status !== 0) return { ok: false, error: run.stderr.trim() };
    const files = (JSON.parse(run.stdout) as { manifests: Record<string, string> }).manifests;
    const manifests = Object.entries(files)
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([file, text]) =>
        parseAllDocuments(text).map((document) => {
          if (document.errors.length > 0) {
            throw new Error(`${file} is not YAML: ${document.errors[0]!.message}`);
          }
          return document.toJS() as Manifest | null;
        }),
      )
      .filter((manifest): manifest is Manifest => manifest !== null);
    return { ok: true, manifests, files };
  };
}

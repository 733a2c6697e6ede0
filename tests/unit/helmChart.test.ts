/**
 * The Helm chart (deploy/helm/play-economy), rendered as `helm template` would by
 * scripts/helm-render, and every rendered object validated against the Kubernetes API's JSON
 * schemas (the validators of `kubernetes-models`). Then the rules the schemas cannot express:
 * probes on the health routes, resources, disruption budgets and Services matching their pods,
 * the router's supergraph volume, no secret without a value. No cluster is involved.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildHelmRenderer, type Manifest, type RenderResult } from './support/renderHelmChart.ts';
import { withSubgraphSettings } from '../support/withSubgraphSettings.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readText = (path: string) => readFileSync(join(root, path), 'utf8');

const CHART = 'deploy/helm/play-economy';

/** Values a user must give: every secret and connection URL (the CI's `helm` job uses them too). */
const SECRETS = (
  parse(readText('deploy/helm/test-values.yaml')) as { secrets: Record<string, string> }
).secrets;

const roverSubgraphs = Object.entries(
  (parse(readText('rover.yaml')) as { subgraphs: Record<string, { routing_url: string }> })
    .subgraphs,
).map(([name, spec]) => ({ name, port: Number(new URL(spec.routing_url).port) }));
const serviceNames = ['router', ...roverSubgraphs.map((subgraph) => subgraph.name)].sort();

let render: ReturnType<typeof buildHelmRenderer>;

beforeAll(() => {
  render = buildHelmRenderer(CHART);
}, 180_000);

function rendered(values: Record<string, unknown> = {}): Manifest[] {
  const result = render({ secrets: SECRETS, ...values });
  if (!result.ok) throw new Error(result.error);
  return result.manifests;
}

function renderError(values: Record<string, unknown>): string {
  const result: RenderResult = render(values);
  expect(result.ok, 'rendering should have failed').toBe(false);
  return result.ok ? '' : result.error;
}

// ---- schema validation --------------------------------------------------------------------------

/** The kubernetes-models class of an object's apiVersion and kind. */
async function modelOf(manifest: Manifest) {
  const module = (await import(`kubernetes-models/${manifest.apiVersion}`)) as Record<
    string,
    (new (data: unknown) => { validate(): void }) | undefined
  >;
  const model = module[manifest.kind];
  if (!model) throw new Error(`no schema for ${manifest.apiVersion} ${manifest.kind}`);
  return model;
}

async function schemaErrors(manifests: Manifest[]): Promise<string[]> {
  const errors: string[] = [];
  for (const manifest of manifests) {
    try {
      const Model = await modelOf(manifest);
      new Model(manifest).validate();
    } catch (error) {
      errors.push(`${manifest.kind} ${manifest.metadata?.name}: ${(error as Error).message}`);
    }
  }
  return errors;
}

// ---- reading the rendered objects ---------------------------------------------------------------

interface Probe {
  httpGet?: { path?: string; port?: number | string };
}
interface Container {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string } }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown>;
  volumeMounts?: { name: string; mountPath: string; subPath?: string }[];
}
interface PodSpec {
  containers: Container[];
  securityContext?: Record<string, unknown>;
  volumes?: { name: string; configMap?: { name: string } }[];
}
interface Deployment extends Manifest {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
}

const ofKind = <T extends Manifest = Manifest>(manifests: Manifest[], kind: string) =>
  manifests.filter((manifest) => manifest.kind === kind) as T[];

const componentOf = (manifest: Manifest) =>
  manifest.metadata.labels?.['app.kubernetes.io/component'] ?? '';

const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

function deploymentOf(manifests: Manifest[], service: string): Deployment {
  const deployment = ofKind<Deployment>(manifests, 'Deployment').find(
    (candidate) => componentOf(candidate) === service,
  );
  if (!deployment) throw new Error(`no Deployment for ${service}`);
  return deployment;
}

function configMapData(manifests: Manifest[], name: string): Record<string, string> {
  const configMap = ofKind(manifests, 'ConfigMap').find((c) => c.metadata.name === name);
  if (!configMap) throw new Error(`no ConfigMap ${name}`);
  return configMap['data'] as Record<string, string>;
}

/** The port number a probe or Service names, resolved against the container's ports. */
function resolvePort(container: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}

/** Whether a service's config (or the chassis groups it uses) reads a variable. */
function isReadBy(service: string, variable: string): boolean {
  const config = withSubgraphSettings(
    readText(service === 'router' ? 'router/src/config.ts' : `subgraphs/${service}/src/config.ts`),
  );
  const chassis = readdirSync(join(root, 'packages/chassis/src/config'))
    .map((file) => readText(`packages/chassis/src/config/${file}`))
    .join('\n');
  const mentioned = (text: string) => new RegExp(`(?<![\\w$])${variable}(?![\\w$])`).test(text);
  return mentioned(config) || mentioned(chassis);
}

// =================================================================================================

describe('the Helm chart, rendered', () => {
  it('validates every object against the Kubernetes schemas, with the defaults', async () => {
    const manifests = rendered();
    expect(manifests.length).toBeGreaterThan(0);
    expect(await schemaErrors(manifests)).toEqual([]);
    // With the defaults: no autoscaler, no Ingress.
    expect(ofKind(manifests, 'HorizontalPodAutoscaler')).toEqual([]);
    expect(ofKind(manifests, 'Ingress')).toEqual([]);
  });

  it('validates with every option on: autoscalers, an Ingress, an existing Secret', async () => {
    const everyService = Object.fromEntries(
      serviceNames.map((name) => [name, { autoscaling: { enabled: true } }]),
    );
    const manifests = rendered({
      services: everyService,
      ingress: {
        enabled: true,
        className: 'nginx',
        annotations: { 'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600' },
        tls: [{ secretName: 'shop-tls', hosts: ['shop.example.com'] }],
        hosts: [{ host: 'shop.example.com', paths: [{ path: '/', pathType: 'Prefix' }] }],
      },
      otlpEndpoint: 'http://jaeger-collector.tracing:4318',
      imagePullSecrets: [{ name: 'registry' }],
    });
    expect(await schemaErrors(manifests)).toEqual([]);
    const existing = render({ secrets: { existingSecret: 'shop-secrets' } });
    expect(existing.ok && (await schemaErrors(existing.manifests))).toEqual([]);
  });

  it('catches an object the schemas refuse (the validation can fail)', async () => {
    const deployment = structuredClone(deploymentOf(rendered(), 'router'));
    deployment.spec.template.spec.containers[0]!.ports![0]!.containerPort =
      'http' as unknown as number;
    const errors = await schemaErrors([deployment]);
    expect(errors.join('\n')).toMatch(/containerPort must be integer/);
    const noContainers = structuredClone(deploymentOf(rendered(), 'router'));
    delete (noContainers.spec.template.spec as Partial<PodSpec>).containers;
    expect((await schemaErrors([noContainers])).join('\n')).toMatch(/containers/);
  });

  it('runs a Deployment for the router and for every subgraph of rover.yaml', () => {
    const manifests = rendered();
    expect(ofKind(manifests, 'Deployment').map(componentOf).sort()).toEqual(serviceNames);
    for (const { name, port } of roverSubgraphs) {
      const container = deploymentOf(manifests, name).spec.template.spec.containers[0]!;
      // The port the subgraph listens on by default, as in rover.yaml and the compose file.
      expect(resolvePort(container, 'http'), name).toBe(port);
      expect(container.image).toMatch(new RegExp(`/${name}:`));
    }
  });

  it.each(serviceNames)('probes %s on /health/live and /health/ready at its port', (name) => {
    const deployment = deploymentOf(rendered(), name);
    const container = deployment.spec.template.spec.containers[0]!;
    const port = resolvePort(container, 'http');
    const data = configMapData(rendered(), deployment.metadata.name);
    expect(port).toBe(Number(data[`${name.toUpperCase()}_PORT`]));
    for (const [probe, path] of [
      ['livenessProbe', '/health/live'],
      ['readinessProbe', '/health/ready'],
      ['startupProbe', '/health/live'],
    ] as const) {
      expect(container[probe]?.httpGet?.path, `${name} ${probe}`).toBe(path);
      expect(resolvePort(container, container[probe]?.httpGet?.port), `${name} ${probe}`).toBe(
        port,
      );
    }
  });

  it.each(serviceNames)('gives %s resources, and runs it non-root on a read-only root', (name) => {
    const { spec } = deploymentOf(rendered(), name).spec.template;
    const container = spec.containers[0]!;
    expect(container.resources?.requests?.['cpu'], name).toBeTruthy();
    expect(container.resources?.requests?.['memory'], name).toBeTruthy();
    expect(container.resources?.limits?.['memory'], name).toBeTruthy();
    expect(spec.securityContext?.['runAsNonRoot']).toBe(true);
    expect(container.securityContext?.['readOnlyRootFilesystem']).toBe(true);
    expect(container.securityContext?.['allowPrivilegeEscalation']).toBe(false);
    expect(container.securityContext?.['capabilities']).toEqual({ drop: ['ALL'] });
    // tsx writes its cache under /tmp: a writable emptyDir there.
    expect(container.volumeMounts?.map((mount) => mount.mountPath)).toContain('/tmp');
  });

  it.each(serviceNames)(
    'guards %s with a PodDisruptionBudget and a Service on its pods',
    (name) => {
      const manifests = rendered();
      const deployment = deploymentOf(manifests, name);
      const podLabels = deployment.spec.template.metadata.labels;
      expect(selects(deployment.spec.selector.matchLabels, podLabels)).toBe(true);

      const budgets = ofKind(manifests, 'PodDisruptionBudget').filter((budget) =>
        selects(
          (budget['spec'] as { selector: { matchLabels: Record<string, string> } }).selector
            .matchLabels,
          podLabels,
        ),
      );
      expect(budgets, `${name}: PodDisruptionBudgets selecting its pods`).toHaveLength(1);
      const minAvailable = (budgets[0]!['spec'] as { minAvailable: number }).minAvailable;
      expect(minAvailable).toBeLessThan(deployment.spec.replicas!);

      const services = ofKind(manifests, 'Service').filter((service) =>
        selects((service['spec'] as { selector: Record<string, string> }).selector, podLabels),
      );
      expect(services, `${name}: Services selecting its pods`).toHaveLength(1);
      const spec = services[0]!['spec'] as {
        type: string;
        ports: { targetPort: string | number }[];
      };
      const container = deployment.spec.template.spec.containers[0]!;
      expect(resolvePort(container, spec.ports[0]!.targetPort)).toBe(
        resolvePort(container, 'http'),
      );
      // Only the router is a way in (DESIGN.md §1): every subgraph stays inside the cluster.
      if (name !== 'router') expect(spec.type).toBe('ClusterIP');
    },
  );

  it.each(serviceNames)('sets on %s only variables its config reads', (name) => {
    const manifests = rendered();
    const container = deploymentOf(manifests, name).spec.template.spec.containers[0]!;
    const fromConfigMap = container.envFrom!.flatMap((source) =>
      Object.keys(configMapData(manifests, source.configMapRef!.name)),
    );
    const variables = [...fromConfigMap, ...(container.env ?? []).map((entry) => entry.name)];
    expect(variables).toContain('ROUTER_SECRET');
    expect(variables).toContain('AMQP_URL');
    for (const variable of variables) {
      expect(isReadBy(name, variable), `${name}: ${variable} is read by no config`).toBe(true);
    }
  });

  it('takes every secret and URL from the Secret, which holds each key a service reads', () => {
    const manifests = rendered();
    const [secret, ...others] = ofKind(manifests, 'Secret');
    expect(others).toEqual([]);
    const data = secret!['stringData'] as Record<string, string>;
    expect(data['ROUTER_SECRET']).toBe(SECRETS['routerSecret']);
    expect(data['ADMIN_PASSWORD']).toBe(SECRETS['adminPassword']);
    for (const name of serviceNames) {
      const container = deploymentOf(manifests, name).spec.template.spec.containers[0]!;
      for (const entry of container.env ?? []) {
        const ref = entry.valueFrom?.secretKeyRef;
        expect(ref?.name, `${name}: ${entry.name}`).toBe(secret!.metadata.name);
        expect(Object.keys(data), `${name}: ${entry.name}`).toContain(ref!.key);
      }
      // Only identity sees the admin's credentials; only the subgraphs the database.
      const names = (container.env ?? []).map((entry) => entry.name);
      expect(names.includes('ADMIN_PASSWORD'), name).toBe(name === 'identity');
      expect(names.includes('MONGODB_URL'), name).toBe(name !== 'router');
    }
    // ConfigMaps carry nothing secret.
    for (const configMap of ofKind(manifests, 'ConfigMap')) {
      const text = JSON.stringify(configMap['data']);
      for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
    }
  });

  it('points the router at each subgraph Service and at identity for its keys', () => {
    const manifests = rendered();
    const router = deploymentOf(manifests, 'router');
    const data = configMapData(manifests, router.metadata.name);
    const services = new Map(ofKind(manifests, 'Service').map((s) => [s.metadata.name, s]));
    const urls = Object.fromEntries(
      data['SUBGRAPH_URLS']!.split(',').map((entry) => entry.split(/=(.*)/s).slice(0, 2)),
    ) as Record<string, string>;
    expect(Object.keys(urls).sort()).toEqual(roverSubgraphs.map((s) => s.name).sort());
    for (const [name, href] of Object.entries(urls)) {
      const url = new URL(href);
      const service = services.get(url.hostname);
      expect(service && componentOf(service), `${name}: ${url.hostname}`).toBe(name);
      const ports = (service!['spec'] as { ports: { port: number }[] }).ports;
      expect(ports.map((port) => port.port)).toContain(Number(url.port));
      expect(url.pathname).toBe('/graphql');
    }
    const jwks = new URL(data['JWKS_URL']!);
    expect(componentOf(services.get(jwks.hostname)!)).toBe('identity');
    expect(jwks.pathname).toBe('/.well-known/jwks.json');
  });

  it('mounts the supergraph ConfigMap whole where SUPERGRAPH_PATH points', () => {
    const manifests = rendered();
    const router = deploymentOf(manifests, 'router');
    const supergraphPath = configMapData(manifests, router.metadata.name)['SUPERGRAPH_PATH']!;
    const { spec } = router.spec.template;
    const mount = spec.containers[0]!.volumeMounts!.find(
      (candidate) => candidate.mountPath === dirname(supergraphPath),
    );
    expect(mount, `nothing is mounted at ${dirname(supergraphPath)}`).toBeDefined();
    // A subPath mount is never updated by the kubelet: the router would not see a new version.
    expect(mount!.subPath).toBeUndefined();
    const volume = spec.volumes!.find((candidate) => candidate.name === mount!.name)!;
    const sdl = configMapData(manifests, volume.configMap!.name)[basename(supergraphPath)];
    expect(sdl?.trimEnd()).toBe(readText('schema/supergraph.graphql').trimEnd());
    // The supergraph is not among the checksums that roll the pods: it is reloaded in place.
    const annotations = router.spec.template.metadata as { annotations?: Record<string, string> };
    expect(Object.keys(annotations.annotations ?? {}).sort()).toEqual([
      'checksum/config',
      'checksum/secret',
    ]);
  });

  it('serves a supergraph given at install time in place of the chart’s', () => {
    const sdl = readText('schema/supergraph.graphql').replace('schema', 'schema # given');
    const manifests = rendered({ supergraph: { sdl } });
    const router = deploymentOf(manifests, 'router');
    const volume = router.spec.template.spec.volumes!.find((v) => v.configMap)!;
    expect(configMapData(manifests, volume.configMap!.name)['supergraph.graphql']).toBe(
      sdl.trimEnd(),
    );
  });
});

describe('the Helm chart’s options', () => {
  it('scales a service with a HorizontalPodAutoscaler when asked, leaving replicas to it', () => {
    const manifests = rendered({ services: { router: { autoscaling: { enabled: true } } } });
    const autoscalers = ofKind(manifests, 'HorizontalPodAutoscaler');
    expect(autoscalers.map(componentOf)).toEqual(['router']);
    const target = (autoscalers[0]!['spec'] as { scaleTargetRef: { kind: string; name: string } })
      .scaleTargetRef;
    const router = deploymentOf(manifests, 'router');
    expect(target).toMatchObject({ kind: 'Deployment', name: router.metadata.name });
    expect(router.spec.replicas).toBeUndefined();
    expect(deploymentOf(manifests, 'catalog').spec.replicas).toBe(2);
  });

  it('routes an Ingress to the router’s Service only when enabled', () => {
    expect(ofKind(rendered({ ingress: { enabled: false } }), 'Ingress')).toEqual([]);
    const manifests = rendered({ ingress: { enabled: true } });
    const [ingress] = ofKind(manifests, 'Ingress');
    const backends = JSON.stringify(ingress!['spec']);
    const routerService = ofKind(manifests, 'Service').find((s) => componentOf(s) === 'router')!;
    expect(backends).toContain(`"name":"${routerService.metadata.name}"`);
    for (const other of ofKind(manifests, 'Service').filter((s) => s !== routerService)) {
      expect(backends).not.toContain(`"${other.metadata.name}"`);
    }
  });

  it('uses an existing Secret when named, and then creates none', () => {
    const result = render({ secrets: { existingSecret: 'shop-secrets' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(ofKind(result.manifests, 'Secret')).toEqual([]);
    for (const deployment of ofKind<Deployment>(result.manifests, 'Deployment')) {
      for (const entry of deployment.spec.template.spec.containers[0]!.env ?? []) {
        expect(entry.valueFrom?.secretKeyRef?.name).toBe('shop-secrets');
      }
    }
  });
});

describe('the Helm chart without its secrets', () => {
  it('refuses to render with no secrets at all, naming ROUTER_SECRET’s value', () => {
    expect(renderError({})).toMatch(/secrets\.routerSecret is required/);
  });

  it.each(Object.keys(SECRETS).filter((key) => key !== 'routerSecret'))(
    'refuses to render without secrets.%s',
    (key) => {
      const secrets: Record<string, string> = { ...SECRETS };
      delete secrets[key];
      expect(renderError({ secrets })).toContain(`secrets.${key} is required`);
    },
  );

  it('refuses a ROUTER_SECRET shorter than 32 characters', () => {
    expect(renderError({ secrets: { ...SECRETS, routerSecret: 'too-short' } })).toMatch(
      /secrets\.routerSecret must be at least 32 characters/,
    );
  });

  it('ships no secret value in values.yaml', () => {
    const values = parse(readText(`${CHART}/values.yaml`)) as { secrets: Record<string, string> };
    for (const [key, value] of Object.entries(values.secrets)) expect(value, key).toBe('');
  });
});

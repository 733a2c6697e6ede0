/**
 * Static checks of the deployment files: docker-compose.yml, the Dockerfile, .dockerignore and
 * the CI workflow, read against the code they deploy (workspaces, config modules, rover.yaml).
 * Nothing here needs Docker; what only a real build or `docker compose up` can prove is left to
 * the `compose` job of the CI workflow.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SERVICE_NODE_FLAGS } from '@play-economy/chassis/web';
import { withSubgraphSettings } from '../support/withSubgraphSettings.ts';
import {
  bareImports,
  packageName,
  sourceFiles,
  workspaceDirectories,
} from './support/workspaces.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

const exists = (path: string) => existsSync(join(root, path));
const readText = (path: string) => readFileSync(join(root, path), 'utf8');
/** YAML as Docker Compose reads it: `<<` merge keys are honoured. */
const readYaml = (path: string): unknown => parse(readText(path), { merge: true });

type Dict = Record<string, unknown>;

const isDict = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function dict(value: unknown, what: string): Dict {
  if (!isDict(value)) throw new Error(`${what} is not a mapping`);
  return value;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const mentions = (text: string, name: string) =>
  new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`).test(text);

/**
 * Compose interpolation with nothing set in the environment: `${VAR:-default}` and
 * `${VAR-default}` give the default, `${VAR:?message}` (which compose refuses to run without)
 * the placeholder `<VAR>`, any other reference the empty string, `$$` a `$`.
 */
function interpolate(value: string): string {
  return value
    .split('$$')
    .map((part) =>
      part
        .replace(/\$\{(\w+)(?::?-([^}]*))?[^}]*\}/g, (match, name: string, fallback?: string) =>
          fallback !== undefined ? fallback : /^\$\{\w+:?\?/.test(match) ? `<${name}>` : '',
        )
        .replace(/\$(\w+)/g, ''),
    )
    .join('$');
}

// ---- docker-compose.yml -------------------------------------------------------------------------

interface ComposeService extends Dict {
  build?: unknown;
  image?: unknown;
  environment?: unknown;
  depends_on?: unknown;
  healthcheck?: unknown;
  ports?: unknown;
  command?: unknown;
}

const compose = dict(readYaml('docker-compose.yml'), 'docker-compose.yml');
const services = dict(compose['services'], 'services') as Record<string, ComposeService>;
const serviceNames = Object.keys(services);

interface Build {
  context: string;
  dockerfile: string;
  args: Record<string, string>;
  target: string | undefined;
}

function buildOf(service: ComposeService): Build | undefined {
  if (service.build === undefined) return undefined;
  if (typeof service.build === 'string') {
    return { context: service.build, dockerfile: 'Dockerfile', args: {}, target: undefined };
  }
  const build = dict(service.build, 'build');
  const rawArgs = build['args'] ?? {};
  const args: Record<string, string> = Array.isArray(rawArgs)
    ? Object.fromEntries(rawArgs.map((entry) => String(entry).split(/=(.*)/s).slice(0, 2)))
    : Object.fromEntries(
        Object.entries(dict(rawArgs, 'build.args')).map(([k, v]) => [k, String(v)]),
      );
  return {
    context: String(build['context'] ?? '.'),
    dockerfile: String(build['dockerfile'] ?? 'Dockerfile'),
    args,
    target: build['target'] === undefined ? undefined : String(build['target']),
  };
}

/** Services built from this repository: the Node services. */
const appServices = serviceNames.filter((name) => buildOf(services[name]!) !== undefined);

function environmentOf(service: ComposeService): Record<string, string> {
  const environment = service.environment ?? {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => {
        const [key = '', value = ''] = String(entry).split(/=(.*)/s);
        return [key, interpolate(value)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(dict(environment, 'environment')).map(([key, value]) => [
      key,
      interpolate(value === null || value === undefined ? '' : String(value)),
    ]),
  );
}

function dependenciesOf(service: ComposeService): Record<string, string> {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) {
    return Object.fromEntries(dependsOn.map((name) => [String(name), 'service_started']));
  }
  return Object.fromEntries(
    Object.entries(dict(dependsOn, 'depends_on')).map(([name, spec]) => [
      name,
      isDict(spec) && typeof spec['condition'] === 'string' ? spec['condition'] : 'service_started',
    ]),
  );
}

interface PortMapping {
  /** The host address the port is published on; undefined: every interface. */
  hostIp: string | undefined;
  published: number | undefined;
  target: number;
}

function portsOf(service: ComposeService): PortMapping[] {
  const ports = service.ports ?? [];
  if (!Array.isArray(ports)) throw new Error('ports is not a list');
  return ports.map((entry): PortMapping => {
    if (isDict(entry)) {
      const published = entry['published'];
      const hostIp = entry['host_ip'];
      return {
        hostIp: hostIp === undefined ? undefined : interpolate(String(hostIp)),
        target: Number(entry['target']),
        published: published === undefined ? undefined : Number(interpolate(String(published))),
      };
    }
    // [host_ip:][published:]target[/protocol]
    const parts = interpolate(String(entry))
      .replace(/\/\w+$/, '')
      .split(':');
    const target = Number(parts.at(-1));
    return {
      hostIp: parts.length >= 3 ? parts.slice(0, -2).join(':') : undefined,
      target,
      published: parts.length >= 2 ? Number(parts.at(-2)) : undefined,
    };
  });
}

/** Container ports a service declares with `expose` (reachable by the other services). */
function exposedPortsOf(service: ComposeService): number[] {
  const expose = service['expose'] ?? [];
  if (!Array.isArray(expose)) throw new Error('expose is not a list');
  return expose.map((entry) => Number(String(entry).replace(/\/\w+$/, '')));
}

/** The workspace folder of a Node service, by the project layout (docs/architecture.md). */
const workspaceOf = (service: string) => (service === 'router' ? 'router' : `subgraphs/${service}`);

function serviceArgOf(name: string): string {
  const service = buildOf(services[name]!)?.args['SERVICE'];
  if (!service) throw new Error(`compose service ${name} passes no SERVICE build arg`);
  return service;
}

/** The config module of a service: the only reader of process.env (STYLE.md, convention 1). */
const configPathOf = (name: string) => `${workspaceOf(serviceArgOf(name))}/src/config.ts`;

function readConfigOf(name: string): string {
  const path = configPathOf(name);
  if (!exists(path)) throw new Error(`${path} does not exist: nothing reads the environment`);
  return withSubgraphSettings(readText(path));
}

/** The variable a service reads its port from, e.g. CATALOG_PORT. */
const portVariableOf = (name: string) => `${serviceArgOf(name).toUpperCase()}_PORT`;

/** The port a service listens on under compose: its <SERVICE>_PORT, else the config default. */
function listenPortOf(name: string): number {
  const variable = portVariableOf(name);
  const fromEnvironment = environmentOf(services[name]!)[variable];
  if (fromEnvironment !== undefined && fromEnvironment !== '') return Number(fromEnvironment);
  const fallback = new RegExp(`${variable}\\s*:\\s*port\\(\\s*(\\d+)`).exec(readConfigOf(name));
  if (!fallback) throw new Error(`cannot tell which port ${name} listens on`);
  return Number(fallback[1]);
}

const chassisConfigDir = 'packages/chassis/src/config';

/**
 * Where the chassis defines a shared variable: the exported group (e.g. `infrastructureConfig`)
 * whose definition names it. A service reads the variable when its config spreads that group
 * (`...infrastructureConfig`) or takes the variable from it (`infrastructureConfig.NODE_ENV`).
 */
function chassisGroupDefining(variable: string): { file: string; group: string } | undefined {
  for (const file of readdirSync(join(root, chassisConfigDir)).filter((f) => f.endsWith('.ts'))) {
    const path = `${chassisConfigDir}/${file}`;
    const text = readText(path);
    const definition = new RegExp(`(?<![\\w$])${variable}\\s*:`).exec(text);
    if (!definition) continue;
    const groups = [...text.slice(0, definition.index).matchAll(/export const (\w+)/g)];
    const group = groups.at(-1)?.[1];
    if (group) return { file: path, group };
  }
  return undefined;
}

function urlOrUndefined(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Default ports of the URL schemes in use; the infrastructure images listen on these. */
const defaultPorts: Record<string, number> = {
  'mongodb:': 27017,
  'amqp:': 5672,
  'redis:': 6379,
  'http:': 80,
};
const portOfUrl = (url: URL) => (url.port === '' ? defaultPorts[url.protocol] : Number(url.port));

/** Every URL an app service is configured with, including each entry of SUBGRAPH_URLS. */
function urlsOf(name: string): { variable: string; url: URL }[] {
  const found: { variable: string; url: URL }[] = [];
  for (const [variable, value] of Object.entries(environmentOf(services[name]!))) {
    const candidates =
      variable === 'SUBGRAPH_URLS'
        ? value.split(',').map((e) => e.slice(e.indexOf('=') + 1))
        : [value];
    for (const candidate of candidates) {
      const url = urlOrUndefined(candidate.trim());
      if (url && url.hostname !== '') found.push({ variable, url });
    }
  }
  return found;
}

function healthcheckTest(service: ComposeService): unknown[] | undefined {
  if (service.healthcheck === undefined) return undefined;
  const healthcheck = dict(service.healthcheck, 'healthcheck');
  if (healthcheck['disable'] === true) return [];
  const test = healthcheck['test'];
  return Array.isArray(test) ? test : test === undefined ? undefined : [String(test)];
}

/** The supergraph the router loads: SUPERGRAPH_PATH, by default the checked-in composition. */
const routerSupergraph =
  environmentOf(services['router'] ?? {})['SUPERGRAPH_PATH'] ?? 'schema/supergraph.graphql';

// ---- rover.yaml ---------------------------------------------------------------------------------

const rover = dict(readYaml('rover.yaml'), 'rover.yaml');
const roverSubgraphs = Object.entries(dict(rover['subgraphs'], 'rover.yaml subgraphs')).map(
  ([name, spec]) => ({ name, routingUrl: new URL(String(dict(spec, name)['routing_url'])) }),
);

// ---- Dockerfile ---------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
  line: number;
  /** Bodies of heredocs (`RUN <<EOF`) attached to the instruction. */
  heredocs: string[];
}

interface Stage {
  name: string | undefined;
  base: string;
  instructions: Instruction[];
}

interface Dockerfile {
  /** ARGs declared before the first FROM: usable in FROM lines only. */
  globalArgs: Map<string, string | undefined>;
  stages: Stage[];
}

function parseDockerfile(text: string): Dockerfile {
  const lines = text.split('\n');
  const instructions: Instruction[] = [];
  for (let index = 0; index < lines.length; index++) {
    const first = lines[index]!.trim();
    if (first === '' || first.startsWith('#')) continue;
    const line = index + 1;
    let logical = first;
    while (logical.endsWith('\\') && index + 1 < lines.length) {
      logical = logical.slice(0, -1);
      let next = lines[++index]!.trim();
      while (next.startsWith('#') && index + 1 < lines.length) next = lines[++index]!.trim();
      logical += ` ${next}`;
    }
    const [, keyword = '', args = ''] = /^(\w+)\s*(.*)$/s.exec(logical) ?? [];
    const heredocs: string[] = [];
    for (const [, dash, , delimiter] of args.matchAll(/<<(-?)(["']?)(\w+)\2/g)) {
      const body: string[] = [];
      while (index + 1 < lines.length) {
        const next = lines[++index]!;
        if ((dash ? next.trim() : next) === delimiter) break;
        body.push(next);
      }
      heredocs.push(body.join('\n'));
    }
    instructions.push({ keyword: keyword.toUpperCase(), args: args.trim(), line, heredocs });
  }

  const globalArgs = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const words = withoutFlags(instruction.args).split(/\s+/);
      const as = words.findIndex((word) => word.toUpperCase() === 'AS');
      stages.push({
        base: words[0] ?? '',
        name: as >= 0 ? words[as + 1] : undefined,
        instructions: [],
      });
    } else if (stages.length === 0) {
      if (instruction.keyword === 'ARG') {
        const [name = '', fallback] = instruction.args.split(/=(.*)/s);
        globalArgs.set(name, fallback);
      }
    } else {
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

const withoutFlags = (args: string) => args.replace(/^(?:--\S+\s+)*/, '');
const flagOf = (args: string, flag: string) =>
  new RegExp(`(?:^|\\s)--${flag}=(\\S+)`).exec(args)?.[1];
const instructionsOf = (stage: Stage, keyword: string) =>
  stage.instructions.filter((instruction) => instruction.keyword === keyword);
/** The text a RUN executes: its command line and heredoc bodies. */
const runText = (instruction: Instruction) =>
  [instruction.args, ...instruction.heredocs].join('\n');

/** Sources and destination of a COPY/ADD, in either the shell or the JSON form. */
function copyOperands(instruction: Instruction): { sources: string[]; destination: string } {
  const operands = withoutFlags(instruction.args);
  const words = operands.startsWith('[')
    ? (JSON.parse(operands) as string[])
    : operands.split(/\s+/).filter((word) => word !== '');
  return { sources: words.slice(0, -1), destination: words.at(-1) ?? '' };
}

/** Reads `KEY=value KEY2="value"` (or the legacy `KEY value`) from an ENV instruction. */
function envPairs(args: string): Record<string, string> {
  if (!args.includes('=') || /^\S+\s+[^=]*$/.test(args)) {
    const [key = '', ...rest] = args.split(/\s+/);
    return { [key]: rest.join(' ') };
  }
  const pairs: Record<string, string> = {};
  for (const [, key = '', quoted, bare] of args.matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|(\S*))/g)) {
    pairs[key] = quoted ?? bare ?? '';
  }
  return pairs;
}

/** The stage an image built with `target` (or without: the last stage) runs from. */
function stageFor(dockerfile: Dockerfile, target: string | undefined): Stage {
  const stage =
    target === undefined
      ? dockerfile.stages.at(-1)
      : dockerfile.stages.find((s) => s.name === target);
  if (!stage) throw new Error(`no stage ${target ?? '(last)'}`);
  return stage;
}

// ---- .dockerignore ------------------------------------------------------------------------------

/** Docker's matcher, for the patterns used here: `**`, `*`, `?` and `!` exceptions. */
function dockerignoreMatcher(text: string): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = posix.normalize((negated ? line.slice(1) : line).replace(/^\/+/, ''));
      const source = pattern
        .split(/(\*\*\/?|\*|\?)/)
        .map((part) =>
          part === '**/'
            ? '(?:.*/)?'
            : part === '**'
              ? '.*'
              : part === '*'
                ? '[^/]*'
                : part === '?'
                  ? '[^/]'
                  : escapeRegExp(part),
        )
        .join('');
      return { negated, regex: new RegExp(`^${source}$`) };
    });
  return (path) => {
    const segments = posix.normalize(path).replace(/^\.\//, '').split('/');
    // A path is excluded when it, or a folder holding it, matches; the last matching rule wins.
    const prefixes = segments.map((_, i) => segments.slice(0, i + 1).join('/'));
    let ignored = false;
    for (const rule of rules) {
      if (prefixes.some((prefix) => rule.regex.test(prefix))) ignored = !rule.negated;
    }
    return ignored;
  };
}

const isDockerignored = exists('.dockerignore')
  ? dockerignoreMatcher(readText('.dockerignore'))
  : () => false;

// ---- shared facts -------------------------------------------------------------------------------

const dockerfilePaths = [
  ...new Set([
    'Dockerfile',
    ...appServices.map((name) => {
      const build = buildOf(services[name]!)!;
      return posix.join(build.context, build.dockerfile);
    }),
  ]),
  // A missing one fails 'builds every Node service from an existing Dockerfile'.
].filter(exists);

const rootPackage = JSON.parse(readText('package.json')) as {
  workspaces: string[];
  dependencies?: Record<string, string>;
};

/** True when `name` is a production dependency of the root or of a workspace. */
function isProductionDependency(name: string): boolean {
  const manifests = ['package.json', ...workspaceDirectories().map((dir) => `${dir}/package.json`)];
  return manifests.some((path) => {
    const manifest = JSON.parse(readText(path)) as { dependencies?: Record<string, string> };
    return manifest.dependencies?.[name] !== undefined;
  });
}

// ---- what a production install provides ---------------------------------------------------------

interface LockedPackage {
  dev?: boolean;
  link?: boolean;
}
const lockfile = JSON.parse(readText('package-lock.json')) as {
  packages: Record<string, LockedPackage>;
};

const workspaceByName = new Map(
  workspaceDirectories().map((dir) => {
    const manifest = JSON.parse(readText(`${dir}/package.json`)) as { name: string };
    return [manifest.name, dir] as const;
  }),
);

/** A workspace and the workspaces it depends on at run time, transitively. */
function runtimeWorkspaces(dir: string, seen = new Set<string>()): Set<string> {
  if (seen.has(dir)) return seen;
  seen.add(dir);
  const manifest = JSON.parse(readText(`${dir}/package.json`)) as {
    dependencies?: Record<string, string>;
  };
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    const dependency = workspaceByName.get(name);
    if (dependency) runtimeWorkspaces(dependency, seen);
  }
  return seen;
}

/** Bare specifiers a module loads at run time (`import type` is erased; `import { type X }` is not). */
const runtimeImports = (text: string): string[] =>
  bareImports(text)
    .filter(({ typeOnly }) => !typeOnly)
    .map(({ specifier }) => specifier);

const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(packageName(specifier));

/** Whether `npm ci --omit=dev` installs `name` where code in `dir` resolves it. */
function installedForProduction(dir: string, name: string): boolean {
  const locked =
    lockfile.packages[`${dir}/node_modules/${name}`] ?? lockfile.packages[`node_modules/${name}`];
  return locked !== undefined && locked.dev !== true;
}

/** Why a service has no working healthcheck, or undefined when it has one. */
function healthcheckProblem(name: string): string | undefined {
  const service = services[name]!;
  const own = healthcheckTest(service);
  if (own !== undefined) {
    return own.length > 0 && own[0] !== 'NONE' ? undefined : 'its healthcheck is disabled';
  }
  const build = buildOf(service);
  if (!build) return 'no healthcheck, and no image built here that would carry one';
  const stage = stageFor(
    parseDockerfile(readText(posix.join(build.context, build.dockerfile))),
    build.target,
  );
  const healthcheck = instructionsOf(stage, 'HEALTHCHECK').at(-1);
  if (!healthcheck) return 'no healthcheck in compose nor a HEALTHCHECK in its image';
  return /^NONE\b/i.test(healthcheck.args) ? 'its image disables HEALTHCHECK' : undefined;
}

// =================================================================================================

describe('docker-compose.yml', () => {
  it('defines services, and the Node services are built from this repository', () => {
    expect(serviceNames.length).toBeGreaterThan(0);
    expect(appServices).toContain('router');
    for (const name of serviceNames) {
      const service = services[name]!;
      expect(service.image ?? service.build, `${name} has neither image nor build`).toBeDefined();
    }
  });

  it('builds every Node service from an existing Dockerfile', () => {
    for (const name of appServices) {
      const build = buildOf(services[name]!)!;
      const path = posix.join(build.context, build.dockerfile);
      expect(exists(path) && statSync(join(root, path)).isFile(), `${name}: ${path}`).toBe(true);
    }
  });

  it.each(appServices)('builds %s as the workspace whose src/main.ts starts it', (name) => {
    const service = serviceArgOf(name);
    // The compose name is the host name other services use; keep it the service's own name.
    expect(service).toBe(name);
    expect(
      exists(`${workspaceOf(service)}/src/main.ts`),
      `${workspaceOf(service)}/src/main.ts`,
    ).toBe(true);
  });

  it.each(appServices)(
    'passes %s every build arg the Dockerfile requires, and no unknown one',
    (name) => {
      const build = buildOf(services[name]!)!;
      const dockerfile = parseDockerfile(readText(posix.join(build.context, build.dockerfile)));
      const declared = new Map<string, string | undefined>(dockerfile.globalArgs);
      for (const stage of dockerfile.stages) {
        for (const arg of instructionsOf(stage, 'ARG')) {
          const [argName = '', fallback] = arg.args.split(/=(.*)/s);
          if (!declared.has(argName) || fallback !== undefined) declared.set(argName, fallback);
        }
      }
      for (const arg of Object.keys(build.args)) {
        expect([...declared.keys()], `${name} passes build arg ${arg}`).toContain(arg);
      }
      for (const [arg, fallback] of declared) {
        if (fallback === undefined) {
          expect(build.args[arg], `${name} must pass required build arg ${arg}`).toBeTruthy();
        }
      }
    },
  );

  it('gives every service a healthcheck (its own, or the HEALTHCHECK of the image it builds)', () => {
    for (const name of serviceNames) {
      expect(healthcheckProblem(name), name).toBeUndefined();
    }
  });

  it('depends only on services that exist, waiting for health only where one is checked', () => {
    for (const name of serviceNames) {
      for (const [target, condition] of Object.entries(dependenciesOf(services[name]!))) {
        expect(serviceNames, `${name} depends on ${target}`).toContain(target);
        expect(target, `${name} depends on itself`).not.toBe(name);
        expect(
          ['service_started', 'service_healthy', 'service_completed_successfully'],
          `${name} → ${target}`,
        ).toContain(condition);
        if (condition === 'service_healthy') {
          // Compose refuses to start a service whose healthy dependency has no healthcheck.
          expect(healthcheckProblem(target), `${name} → ${target}`).toBeUndefined();
        }
      }
    }
  });

  it('has no dependency cycle', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (name: string, path: string[]) => {
      if (done.has(name)) return;
      expect(visiting.has(name), `cycle: ${[...path, name].join(' → ')}`).toBe(false);
      visiting.add(name);
      for (const target of Object.keys(dependenciesOf(services[name] ?? {}))) {
        visit(target, [...path, name]);
      }
      visiting.delete(name);
      done.add(name);
    };
    for (const name of serviceNames) visit(name, []);
  });

  it.each(appServices)('sets on %s only variables its config reads', (name) => {
    const config = readConfigOf(name);
    const environment = environmentOf(services[name]!);
    expect(Object.keys(environment).length).toBeGreaterThan(0);
    for (const [variable, value] of Object.entries(environment)) {
      expect(value, `${name}: ${variable} is empty`).not.toBe('');
      if (mentions(config, variable)) continue;
      const shared = chassisGroupDefining(variable);
      expect(
        shared,
        `${name}: ${variable} is read neither by ${configPathOf(name)} nor by ${chassisConfigDir}`,
      ).toBeDefined();
      const { file, group } = shared!;
      expect(
        config.includes(`...${group}`) || mentions(config, `${group}.${variable}`),
        `${name}: ${variable} is defined in ${file} (${group}), which ${configPathOf(name)} does not use`,
      ).toBe(true);
    }
  });

  it.each(appServices)(
    'points %s at services of this file, waiting for them to be healthy',
    (name) => {
      const dependencies = dependenciesOf(services[name]!);
      for (const { variable, url } of urlsOf(name)) {
        // Inside a container, localhost is the container itself.
        expect(serviceNames, `${name}: ${variable} points at ${url.hostname}`).toContain(
          url.hostname,
        );
        // Telemetry backends are waited for only until started: they must never keep the
        // platform from coming up.
        expect(
          variable.startsWith('OTEL_')
            ? ['service_started', 'service_healthy']
            : ['service_healthy'],
          `${name} must depend on ${url.hostname}`,
        ).toContain(dependencies[url.hostname]);
        const listening = appServices.includes(url.hostname)
          ? [listenPortOf(url.hostname)]
          : [defaultPorts[url.protocol], ...exposedPortsOf(services[url.hostname]!)];
        expect(listening, `${name}: ${variable} port`).toContain(portOfUrl(url));
      }
    },
  );

  it.each(appServices)('builds %s with PORT equal to the port it listens on', (name) => {
    expect(Number(buildOf(services[name]!)!.args['PORT'])).toBe(listenPortOf(name));
  });

  it('publishes the router on the port it listens on, and no subgraph at all', () => {
    const routerPorts = portsOf(services['router']!);
    expect(routerPorts.map((port) => port.target)).toContain(listenPortOf('router'));
    for (const name of appServices) {
      for (const port of portsOf(services[name]!)) {
        expect(port.target, `${name} publishes ${port.target}`).toBe(listenPortOf(name));
      }
      if (name !== 'router') {
        // Clients reach subgraphs only through the router (docs/architecture.md, "What it is").
        expect(portsOf(services[name]!), `${name} is published`).toEqual([]);
      }
    }
  });

  it('publishes every port on loopback unless an address is configured', () => {
    for (const name of serviceNames) {
      for (const port of portsOf(services[name]!)) {
        expect(port.hostIp, `${name} publishes ${port.target} on every interface`).toBe(
          '127.0.0.1',
        );
      }
    }
    // The router's address is a setting, for whoever means to serve other machines.
    expect(JSON.stringify(services['router']!.ports)).toContain('${ROUTER_PUBLISHED_ADDRESS:-');
  });

  it('requires every secret, with a message, and defaults none', () => {
    const references = [
      ...readText('docker-compose.yml').matchAll(/\$\{(\w+)(:?[-?])?([^}]*)\}/g),
    ].filter(([, name]) => /SECRET|PASSWORD|TOKEN/.test(name!));
    const required = new Map<string, string>();
    for (const [reference, name, operator, message] of references) {
      expect(operator, `${reference}: a secret must be required, never defaulted`).toBe(':?');
      expect(message!.trim(), `${reference} gives no message`).not.toBe('');
      required.set(name!, message!);
    }
    expect([...required.keys()]).toEqual(
      expect.arrayContaining(['ROUTER_SECRET', 'ADMIN_PASSWORD']),
    );
    for (const [name, message] of required) {
      expect(message, `${name}: the message should say where to read more`).toContain(
        'docs/compose.md',
      );
    }
  });

  it('runs production unless the development env file says otherwise', () => {
    for (const name of appServices) {
      expect(environmentOf(services[name]!)['NODE_ENV'], name).toBe('production');
    }
    const development = Object.fromEntries(
      readText('docker/development.env')
        .split('\n')
        .filter((line) => /^\w+=/.test(line))
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    expect(development['NODE_ENV']).toBe('development');
    // It supplies every variable compose requires, so the profile starts as documented.
    const requiredByCompose = [
      ...readText('docker-compose.yml').matchAll(/\$\{(\w+):?\?[^}]*\}/g),
    ].map(([, name]) => name!);
    for (const name of requiredByCompose) {
      expect(development[name], `docker/development.env sets no ${name}`).toBeTruthy();
    }
    // Its values are published: production refuses them (tests/unit/productionRefusesEmbeddedMode).
    expect(isDockerignored('docker/development.env')).toBe(false);
    expect(readText('.gitignore')).toMatch(/^\.env$/m);
  });

  it('publishes no host port twice', () => {
    const published = serviceNames.flatMap((name) =>
      portsOf(services[name]!).flatMap((port) =>
        port.published === undefined ? [] : [port.published],
      ),
    );
    expect(published.every((port) => Number.isInteger(port) && port > 0)).toBe(true);
    expect(new Set(published).size).toBe(published.length);
  });

  it('lets every subgraph run as several replicas with --scale (docs/scale-out.md)', () => {
    for (const name of appServices.filter((service) => service !== 'router')) {
      const service = services[name]!;
      // A fixed container name, host name or host port would exist once only.
      expect(service['container_name'], `${name} has a container_name`).toBeUndefined();
      expect(service['hostname'], `${name} has a hostname`).toBeUndefined();
      expect(portsOf(service), `${name} publishes a port`).toEqual([]);
    }
  });

  it('runs MongoDB as the replica set the services connect to', () => {
    const urls = appServices.flatMap((name) =>
      urlsOf(name).filter(({ variable }) => variable === 'MONGODB_URL'),
    );
    expect(urls.length, 'no service uses MongoDB').toBeGreaterThan(0);
    for (const { url } of urls) {
      const replicaSet = url.searchParams.get('replicaSet');
      expect(replicaSet, `${url.href} names no replicaSet`).toBeTruthy();
      const mongo = services[url.hostname]!;
      const command = Array.isArray(mongo.command)
        ? mongo.command.map(String).join(' ')
        : String(mongo.command ?? '');
      expect(command).toContain(`--replSet ${replicaSet}`);
      const initiate = (healthcheckTest(mongo) ?? []).map(String).join(' ');
      expect(initiate).toMatch(/rs\.initiate\(/);
      expect(initiate).toContain(`_id: '${replicaSet}'`);
      // The member name must be reachable by the services, not just by the node itself.
      expect(initiate).toContain(`host: '${url.hostname}:${portOfUrl(url)}'`);
    }
  });

  it('runs RabbitMQ with the management UI', () => {
    const hosts = appServices.flatMap((name) =>
      urlsOf(name)
        .filter(({ variable }) => variable === 'AMQP_URL')
        .map(({ url }) => url.hostname),
    );
    expect(hosts.length, 'no service uses RabbitMQ').toBeGreaterThan(0);
    for (const host of hosts) {
      expect(serviceNames, `AMQP_URL points at ${host}`).toContain(host);
      expect(String(services[host]!.image)).toMatch(/^rabbitmq:.*management/);
      expect(portsOf(services[host]!).map((port) => port.target)).toContain(15672);
    }
  });

  it('runs Redis', () => {
    expect(serviceNames.some((name) => /^redis(:|$)/.test(String(services[name]!.image)))).toBe(
      true,
    );
  });

  it('loads the router from a composed supergraph that ships in its image', () => {
    expect(exists(routerSupergraph), `${routerSupergraph} is not checked in`).toBe(true);
    expect(isDockerignored(routerSupergraph), `${routerSupergraph} is dockerignored`).toBe(false);
  });
});

describe('the router and rover.yaml', () => {
  const subgraphUrls = new Map(
    (environmentOf(services['router'] ?? {})['SUBGRAPH_URLS'] ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map((entry) => {
        const separator = entry.indexOf('=');
        return [entry.slice(0, separator), entry.slice(separator + 1)] as const;
      }),
  );

  it('lists at least one subgraph', () => {
    expect(roverSubgraphs.length).toBeGreaterThan(0);
  });

  it('gives every subgraph in rover.yaml a compose service built as that subgraph', () => {
    for (const { name } of roverSubgraphs) {
      expect(appServices, `no compose service for subgraph ${name}`).toContain(name);
      expect(serviceArgOf(name)).toBe(name);
    }
  });

  it('lists in rover.yaml every subgraph compose builds', () => {
    for (const name of appServices.filter((service) => service !== 'router')) {
      expect(
        roverSubgraphs.map((subgraph) => subgraph.name),
        `${name} is not in rover.yaml`,
      ).toContain(name);
    }
  });

  it('overrides the routing URL of exactly the subgraphs in rover.yaml', () => {
    expect([...subgraphUrls.keys()].sort()).toEqual(roverSubgraphs.map((s) => s.name).sort());
  });

  it.each(roverSubgraphs.map((subgraph) => subgraph.name))(
    'routes %s to its compose host name and the port it listens on',
    (name) => {
      const override = subgraphUrls.get(name);
      expect(override, `SUBGRAPH_URLS has no ${name}`).toBeDefined();
      const url = new URL(override!);
      const routingUrl = roverSubgraphs.find((subgraph) => subgraph.name === name)!.routingUrl;
      expect(url.hostname).toBe(name);
      expect(Number(url.port)).toBe(listenPortOf(name));
      expect(url.pathname).toBe(routingUrl.pathname);
      // rover.yaml's localhost URL (embedded mode) uses the same port.
      expect(portOfUrl(routingUrl)).toBe(listenPortOf(name));
      expect(dependenciesOf(services['router']!)[name]).toBe('service_healthy');
    },
  );
});

describe.each(dockerfilePaths)('%s', (path) => {
  const dockerfile = parseDockerfile(readText(path));
  const { stages } = dockerfile;
  const runtime = stages.at(-1)!;
  const allInstructions = stages.flatMap((stage) => stage.instructions);
  const runs = allInstructions.filter((instruction) => instruction.keyword === 'RUN').map(runText);
  const resolveGlobals = (text: string) =>
    text.replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced?: string, bare?: string) => {
      return dockerfile.globalArgs.get((braced ?? bare)!) ?? match;
    });

  const stageIndexBefore = (index: number, name: string) =>
    stages.findIndex((stage, i) => i < index && stage.name === name);
  /**
   * Build-context paths that reach a stage: copied into it or its base stage, and (with
   * `viaStages`) into the stages it copies --from, over-approximating what those copies carry.
   */
  const contextSources = (index: number, viaStages = true): string[] => {
    const stage = stages[index]!;
    const base = stageIndexBefore(index, stage.base);
    return [
      ...(base >= 0 ? contextSources(base, viaStages) : []),
      ...instructionsOf(stage, 'COPY').flatMap((instruction) => {
        const from = flagOf(instruction.args, 'from');
        if (from === undefined) {
          return copyOperands(instruction).sources.map((source) => source.replace(/\/$/, ''));
        }
        const fromIndex = stageIndexBefore(index, from);
        // Installed packages carry no sources of this repository.
        const onlyDependencies = copyOperands(instruction).sources.every((source) =>
          source.includes('node_modules'),
        );
        return viaStages && fromIndex >= 0 && !onlyDependencies ? contextSources(fromIndex) : [];
      }),
    ];
  };

  it('is multi-stage, the runtime starting from a fresh slim Node image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const base = resolveGlobals(runtime.base);
    expect(stages.map((stage) => stage.name)).not.toContain(base);
    expect(base).toMatch(/^node:[\w.-]*(slim|alpine)/);
  });

  it('installs dependencies with npm ci from the lockfile, never npm install', () => {
    expect(runs.some((run) => /\bnpm ci\b/.test(run))).toBe(true);
    for (const run of runs) expect(run).not.toMatch(/\bnpm\s+(install|i|add|update)\b/);
    const copied = allInstructions
      .filter((instruction) => instruction.keyword === 'COPY' && !flagOf(instruction.args, 'from'))
      .flatMap((instruction) => copyOperands(instruction).sources);
    expect(copied).toContain('package-lock.json');
  });

  it('gives every npm ci the lockfile and every workspace folder', () => {
    const installing = stages.flatMap((stage, index) =>
      instructionsOf(stage, 'RUN').some((run) => /\bnpm ci\b/.test(runText(run))) ? [index] : [],
    );
    expect(installing.length).toBeGreaterThan(0);
    for (const index of installing) {
      const stage = stages[index]!.name ?? `#${index}`;
      // The manifests and lockfile npm ci reads must come from the build context, unchanged.
      expect(contextSources(index, false), `stage ${stage}`).toEqual(
        expect.arrayContaining(['package.json', 'package-lock.json']),
      );
      for (const workspace of rootPackage.workspaces) {
        const folder = workspace.replace(/\/\*$/, '');
        expect(contextSources(index), `stage ${stage}, workspace ${workspace}`).toContain(folder);
      }
    }
  });

  const last = stages.length - 1;
  /** Whether `npm ci` ran in a stage or in the stages it is built on. */
  const installedIn = (index: number): boolean => {
    const stage = stages[index]!;
    if (instructionsOf(stage, 'RUN').some((run) => /\bnpm ci\b/.test(runText(run)))) return true;
    const base = stageIndexBefore(index, stage.base);
    return base >= 0 && installedIn(base);
  };
  /** A stage's working directory: its last WORKDIR, else its base stage's. */
  const workdirOf = (index: number): string => {
    const stage = stages[index]!;
    const own = instructionsOf(stage, 'WORKDIR').at(-1)?.args;
    if (own !== undefined) return posix.resolve(own);
    const base = stageIndexBefore(index, stage.base);
    return base >= 0 ? workdirOf(base) : '/';
  };
  /**
   * Absolute paths the runtime stage copies out of stages that installed dependencies, each with
   * the stage it comes from.
   */
  const copiedFromInstalls = instructionsOf(runtime, 'COPY').flatMap((instruction) => {
    const index = stageIndexBefore(last, flagOf(instruction.args, 'from') ?? '');
    if (index < 0 || !installedIn(index)) return [];
    return copyOperands(instruction).sources.map((source) => ({
      index,
      path: posix.resolve(workdirOf(index), source),
    }));
  });

  it('ships installed dependencies, the chassis and the workspace of every service built', () => {
    const shipsInstalledPackages = copiedFromInstalls.some(
      ({ index, path }) => path.includes('node_modules') || path === workdirOf(index),
    );
    expect(shipsInstalledPackages).toBe(true);

    const shipped = contextSources(last);
    const ships = (path: string) =>
      shipped.some((source) => source === path || path.startsWith(`${source}/`));
    expect(ships('packages/chassis'), 'the chassis').toBe(true);
    for (const name of appServices) {
      const build = buildOf(services[name]!)!;
      if (posix.join(build.context, build.dockerfile) !== path) continue;
      const workspace = workspaceOf(serviceArgOf(name));
      expect(ships(`${workspace}/src/main.ts`), `${name}: ${workspace}`).toBe(true);
      if (name === 'router') expect(ships(routerSupergraph), routerSupergraph).toBe(true);
    }
  });

  it('ships the whole tree npm ci installs, with the node_modules nested in workspaces', () => {
    // npm nests a package in a workspace when the workspace needs another version than the root
    // has (the chassis's OpenTelemetry packages): copying only /app/node_modules into the image
    // would make the workspace resolve the root's version, not the one the tests ran.
    const builtHere = appServices.filter((name) => {
      const build = buildOf(services[name]!)!;
      return posix.join(build.context, build.dockerfile) === path;
    });
    const nested = [
      ...new Set(
        builtHere.flatMap((name) =>
          [...runtimeWorkspaces(workspaceOf(serviceArgOf(name)))].filter((dir) =>
            Object.entries(lockfile.packages).some(
              ([key, locked]) => key.startsWith(`${dir}/node_modules/`) && locked.dev !== true,
            ),
          ),
        ),
      ),
    ];
    for (const dir of nested) {
      const shipped = copiedFromInstalls.some(({ index, path: copied }) => {
        const target = posix.join(workdirOf(index), dir, 'node_modules');
        return target === copied || target.startsWith(`${copied}/`);
      });
      expect(shipped, `${dir}/node_modules is not copied into the runtime stage`).toBe(true);
    }
    // ...and nothing between the install and the runtime deletes node_modules folders.
    for (const run of runs) expect(run).not.toMatch(/\brm\b[^\n]*node_modules/);
  });

  it('copies only sources that exist and that .dockerignore lets into the build context', () => {
    for (const instruction of allInstructions) {
      if (!['COPY', 'ADD'].includes(instruction.keyword) || flagOf(instruction.args, 'from'))
        continue;
      for (const source of copyOperands(instruction).sources) {
        expect(exists(source), `line ${instruction.line}: ${source} does not exist`).toBe(true);
        expect(
          isDockerignored(source),
          `line ${instruction.line}: ${source} is dockerignored`,
        ).toBe(false);
      }
    }
  });

  it('copies --from earlier stages only', () => {
    stages.forEach((stage, index) => {
      for (const instruction of instructionsOf(stage, 'COPY')) {
        const from = flagOf(instruction.args, 'from');
        if (from === undefined || /[:/]/.test(from)) continue;
        const earlier = stages.slice(0, index).map((s) => s.name);
        expect(earlier, `line ${instruction.line}: --from=${from}`).toContain(from);
      }
    });
  });

  it('declares in each stage the build args the stage uses', () => {
    const argNames = new Set([
      ...dockerfile.globalArgs.keys(),
      ...allInstructions.filter((i) => i.keyword === 'ARG').map((i) => i.args.split('=')[0]!),
    ]);
    for (const stage of stages) {
      const inScope = new Set<string>();
      for (const instruction of stage.instructions) {
        const text = instruction.keyword === 'RUN' ? runText(instruction) : instruction.args;
        for (const [, braced, bare] of text.matchAll(/\$\{(\w+)[^}]*\}|\$(\w+)/g)) {
          const name = (braced ?? bare)!;
          if (argNames.has(name)) {
            expect(
              inScope.has(name),
              `line ${instruction.line}: $${name} is not declared in this stage`,
            ).toBe(true);
          }
        }
        if (instruction.keyword === 'ARG') inScope.add(instruction.args.split('=')[0]!);
        if (instruction.keyword === 'ENV') {
          for (const key of Object.keys(envPairs(instruction.args))) inScope.add(key);
        }
      }
    }
  });

  it('runs as a non-root user, with NODE_ENV=production', () => {
    const user = instructionsOf(runtime, 'USER').at(-1)?.args;
    expect(user, 'no USER in the runtime stage').toBeDefined();
    expect(user!.split(':')[0]).not.toMatch(/^(root|0)$/);
    const environment = Object.assign(
      {},
      ...instructionsOf(runtime, 'ENV').map((instruction) => envPairs(instruction.args)),
    ) as Record<string, string>;
    expect(environment['NODE_ENV']).toBe('production');
  });

  it('checks health by fetching /health/ready with Node', () => {
    const healthcheck = instructionsOf(runtime, 'HEALTHCHECK').at(-1);
    expect(healthcheck, 'no HEALTHCHECK in the runtime stage').toBeDefined();
    const command = withoutFlags(healthcheck!.args).replace(/^CMD\s+/i, '');
    const words = command.startsWith('[')
      ? (JSON.parse(command) as string[])
      : command.split(/\s+/);
    expect(words[0]).toBe('node');
    // The probe is inline (`node -e`) or a script the runtime stage copies in.
    let probe = words.join(' ');
    for (const word of words.slice(1).filter((w) => /\.[cm]?[jt]s$/.test(w))) {
      const copy = instructionsOf(runtime, 'COPY').find(
        (instruction) =>
          !flagOf(instruction.args, 'from') &&
          posix.normalize(copyOperands(instruction).destination) === posix.normalize(word),
      );
      expect(copy, `${word} is not copied into the runtime stage`).toBeDefined();
      probe += readText(copyOperands(copy!).sources[0]!);
    }
    expect(probe).toContain('/health/ready');
    expect(probe).toMatch(/\bfetch\(/);
  });

  it('starts the service with the Node flags of every service process', () => {
    const cmd = instructionsOf(runtime, 'CMD').at(-1)?.args ?? '';
    const start = (JSON.parse(readText('package.json')) as { scripts: Record<string, string> })
      .scripts['start'];
    for (const flag of SERVICE_NODE_FLAGS) {
      expect(cmd, 'the Dockerfile CMD').toContain(`"${flag}"`);
      expect(start?.split(/\s+/), 'npm start').toContain(flag);
    }
  });

  it('starts the service with tsx, which the runtime image carries', () => {
    const cmd = instructionsOf(runtime, 'CMD').at(-1)?.args ?? '';
    expect(cmd).toMatch(/\btsx\b/);
    expect(cmd).toMatch(/src\/main\.ts/);
    // tsx is a development dependency: a production install leaves it out unless carried over.
    if (!isProductionDependency('tsx')) expect(runs.some((run) => run.includes('#tsx'))).toBe(true);
    const tsconfig = JSON.parse(readText('tsconfig.json')) as { extends?: string };
    const base = tsconfig.extends?.match(/^(@[^/]+\/[^/]+|[^./][^/]*)/)?.[1];
    const copiesTsconfig = allInstructions.some(
      (i) => i.keyword === 'COPY' && copyOperands(i).sources.includes('tsconfig.json'),
    );
    if (copiesTsconfig && base && !isProductionDependency(base)) {
      // tsx reads tsconfig.json and fails when the config it extends cannot be found.
      expect(
        runs.some((run) => run.includes(base)),
        `${base} is not carried into the image`,
      ).toBe(true);
    }
  });
});

describe('the web store in the router image', () => {
  const dockerfile = parseDockerfile(readText('Dockerfile'));
  const { stages } = dockerfile;
  const runtimeIndex = stages.length - 1;
  const routerEnvironment = environmentOf(services['router']!);
  const workspace = JSON.parse(readText('web/package.json')) as {
    name: string;
    scripts?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  /** The stages an image's stage is built on, itself first. */
  const lineage = (index: number): number[] => {
    const base = stages.findIndex((stage, i) => i < index && stage.name === stages[index]!.base);
    return base >= 0 ? [index, ...lineage(base)] : [index];
  };
  const builds = (stage: Stage) =>
    instructionsOf(stage, 'RUN').some((run) =>
      /\bnpm run build (?:-w|--workspace)[ =]web\b|\bnpm run web:build\b/.test(runText(run)),
    );
  const buildIndex = stages.findIndex(builds);
  const buildStage = stages[buildIndex];
  /** Where a stage's WORKDIR puts a relative path. */
  const workdirOf = (index: number): string => {
    for (const i of lineage(index)) {
      const own = instructionsOf(stages[i]!, 'WORKDIR').at(-1)?.args;
      if (own !== undefined) return posix.resolve(own);
    }
    return '/';
  };
  interface Placed {
    /** The stage copied from; undefined for the build context. */
    from: string | undefined;
    fromIndex: number;
    /** The path in that stage (absolute) or in the build context (relative). */
    source: string;
    /** Where it lands in the image (absolute). */
    destination: string;
  }
  /**
   * Every COPY whose result is in a stage's image: its own and its base stages', and, through a
   * `COPY --from` of a folder, the copies into that stage which land under the folder (their
   * destinations moved to where the folder lands).
   */
  const placedIn = (index: number): Placed[] =>
    lineage(index).flatMap((stageIndex) =>
      instructionsOf(stages[stageIndex]!, 'COPY').flatMap((instruction) => {
        const from = flagOf(instruction.args, 'from');
        const { sources, destination } = copyOperands(instruction);
        const fromIndex =
          from === undefined ? -1 : stages.findIndex((stage) => stage.name === from);
        const target = posix.resolve(workdirOf(stageIndex), destination);
        return sources.flatMap((rawSource): Placed[] => {
          const source =
            fromIndex >= 0 ? posix.resolve(workdirOf(fromIndex), rawSource) : rawSource;
          const direct = { from, fromIndex, source, destination: target };
          if (fromIndex < 0) return [direct];
          const carried = placedIn(fromIndex)
            .filter(({ destination: inner }) => inner.startsWith(`${source}/`))
            .map((placed) => ({
              ...placed,
              destination: posix.join(target, posix.relative(source, placed.destination)),
            }));
          return [direct, ...carried];
        });
      }),
    );
  const copiesIntoRuntime = placedIn(runtimeIndex);
  /** The stages whose work ends up in the runtime image. */
  const runtimeStages = [
    ...new Set(
      lineage(runtimeIndex).flatMap((index) => [
        ...lineage(index),
        ...copiesIntoRuntime.flatMap(({ fromIndex }) => (fromIndex >= 0 ? lineage(fromIndex) : [])),
      ]),
    ),
  ];

  it('builds the store with Vite in a stage of its own, from its workspace', () => {
    expect(workspace.scripts?.['build'], 'web/package.json has no build script').toMatch(
      /\bvite build\b/,
    );
    expect(buildStage, 'no stage runs npm run build -w web').toBeDefined();
    // Not in the runtime image, nor in a stage the runtime is built on: the build's
    // dependencies (devDependencies) must not ship.
    // Nor is any stage the runtime copies from built on it: only web/dist leaves it (below).
    for (const { fromIndex } of copiesIntoRuntime) {
      if (fromIndex >= 0 && fromIndex !== buildIndex) {
        expect(lineage(fromIndex)).not.toContain(buildIndex);
      }
    }
    expect(lineage(runtimeIndex)).not.toContain(buildIndex);
    expect(
      copiesIntoRuntime
        .filter(({ fromIndex }) => fromIndex === buildIndex)
        .map(({ source }) => source),
      'only the build output leaves the build stage',
    ).toEqual([posix.resolve(workdirOf(buildIndex), 'web/dist')]);
    const installs = instructionsOf(buildStage!, 'RUN').find((run) =>
      /\bnpm ci\b/.test(runText(run)),
    );
    expect(installs, 'the build stage installs nothing').toBeDefined();
    // Development dependencies included: the web workspace has no others.
    expect(runText(installs!)).not.toMatch(/--omit[= ]dev|--production\b/);
    expect(
      instructionsOf(buildStage!, 'COPY').some(
        (copy) => !flagOf(copy.args, 'from') && copyOperands(copy).sources.includes('web'),
      ),
      'the build stage does not copy web/',
    ).toBe(true);
  });

  it('installs what the store build reads: its tsconfig base among its own dependencies', () => {
    const install = runText(
      instructionsOf(buildStage!, 'RUN').find((run) => /\bnpm ci\b/.test(runText(run)))!,
    );
    // An install of the web workspace alone leaves out the root's development dependencies.
    if (!/\s(?:-w|--workspace)[ =]web\b/.test(install)) return;
    const tsconfig = JSON.parse(readText('web/tsconfig.json')) as { extends?: string };
    const base = tsconfig.extends?.match(/^(@[^/]+\/[^/]+|[^./][^/]*)/)?.[1];
    if (base) expect(Object.keys(workspace.devDependencies ?? {})).toContain(base);
    for (const name of ['vite', '@vitejs/plugin-react']) {
      expect(Object.keys(workspace.devDependencies ?? {})).toContain(name);
    }
  });

  it('copies the built store into the router image, where ROUTER_SITE_DIRECTORY points', () => {
    const siteDirectory = routerEnvironment['ROUTER_SITE_DIRECTORY'];
    expect(siteDirectory, 'compose does not give the router ROUTER_SITE_DIRECTORY').toBeTruthy();
    expect(mentions(readConfigOf('router'), 'ROUTER_SITE_DIRECTORY')).toBe(true);
    const built = posix.resolve(workdirOf(buildIndex), 'web/dist');
    const copy = copiesIntoRuntime.find(
      ({ fromIndex, source }) => fromIndex === buildIndex && source === built,
    );
    expect(copy, `no COPY --from=${buildStage?.name} of ${built}`).toBeDefined();
    expect(posix.resolve(workdirOf(runtimeIndex), siteDirectory!)).toBe(copy!.destination);
  });

  it("gives the router the store's trusted-documents manifest, copied into its image", () => {
    const manifestPath = routerEnvironment['ROUTER_TRUSTED_DOCUMENTS_PATH'];
    expect(manifestPath, 'compose does not give the router the manifest').toBeTruthy();
    const copy = copiesIntoRuntime.find(
      ({ destination }) => destination === posix.resolve(workdirOf(runtimeIndex), manifestPath!),
    );
    expect(copy, `nothing is copied to ${manifestPath}`).toBeDefined();
    // The manifest codegen writes (and the store's ids come from), straight from the context.
    expect(copy!.from).toBeUndefined();
    expect(copy!.source).toBe('web/src/gql/persisted-documents.json');
    expect(exists(copy!.source)).toBe(true);
    expect(isDockerignored(copy!.source)).toBe(false);
  });

  it('leaves the store out of the images of the other services', () => {
    const source = runtimeStages
      .map((index) => stages[index]!)
      .flatMap((stage) => instructionsOf(stage, 'RUN').map(runText))
      .join('\n');
    expect(source).toMatch(/if \[ "\$SERVICE" != router \]; then rm -rf web\/dist\b/);
  });
});

describe('the production install', () => {
  it.each(appServices)('provides every package %s imports at run time', (name) => {
    const missing = new Set<string>();
    for (const dir of runtimeWorkspaces(workspaceOf(serviceArgOf(name)))) {
      for (const file of sourceFiles(`${dir}/src`)) {
        for (const specifier of runtimeImports(readText(file))) {
          if (isBuiltin(specifier)) continue;
          if (!installedForProduction(dir, packageName(specifier))) {
            missing.add(`${packageName(specifier)} (imported by ${file})`);
          }
        }
      }
    }
    // Development dependencies resolve in a dev checkout but are absent from the image.
    expect([...missing].join('\n'), 'not installed by npm ci --omit=dev').toBe('');
  });

  // A subgraph imports the message contracts of others: their sources must stay in its image.
  it.each(appServices)(
    'keeps in the %s image the sources of every workspace it runs on',
    (name) => {
      const dir = workspaceOf(serviceArgOf(name));
      const listed = spawnSync(process.execPath, ['docker/runtimeWorkspaces.mjs', dir], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(listed.stderr).toBe('');
      expect(new Set(listed.stdout.trim().split('\n'))).toEqual(runtimeWorkspaces(dir));
    },
  );

  it('removes from an image only the services docker/runtimeWorkspaces.mjs does not list', () => {
    const removal = parseDockerfile(readText('Dockerfile'))
      .stages.flatMap((stage) => instructionsOf(stage, 'RUN'))
      .find((run) => runText(run).includes('rm -rf "$other"'));
    expect(removal, 'no RUN removes the other services').toBeDefined();
    const mounted = /--mount=type=bind,source=docker\/runtimeWorkspaces\.mjs,target=(\S+)/.exec(
      removal!.args,
    )?.[1];
    expect(mounted, 'the RUN does not mount docker/runtimeWorkspaces.mjs').toBeDefined();
    expect(runText(removal!)).toContain(`needed=$(node ${mounted} "$dir")`);
  });
});

describe('.dockerignore', () => {
  it('keeps host dependencies, git state and local secrets out of the build context', () => {
    expect(exists('.dockerignore')).toBe(true);
    for (const path of ['node_modules', 'subgraphs/catalog/node_modules/x', '.git', '.env']) {
      expect(isDockerignored(path), path).toBe(true);
    }
    for (const path of ['package.json', 'package-lock.json', 'packages/chassis/src/index.ts']) {
      expect(isDockerignored(path), path).toBe(false);
    }
  });
});

describe('.github/workflows/ci.yml', () => {
  const workflow = dict(readYaml('.github/workflows/ci.yml'), 'ci.yml');
  const jobs = Object.entries(dict(workflow['jobs'], 'jobs')).map(([id, job]) => ({
    id,
    job: dict(job, id),
  }));
  const stepsOf = (job: Dict) =>
    (Array.isArray(job['steps']) ? job['steps'] : []).map((step) => dict(step, 'step'));
  const runOf = (step: Dict) => (typeof step['run'] === 'string' ? step['run'] : '');
  const testJob = jobs.find(({ job }) =>
    stepsOf(job).some((step) => /\bnpm test\b/.test(runOf(step))),
  );

  it('runs on pushes and pull requests', () => {
    const on = workflow['on'];
    const events =
      typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys(dict(on, 'on'));
    expect(events).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });

  it('runs npm test on Node 24 and 22 after npm ci', () => {
    expect(testJob, 'no job runs npm test').toBeDefined();
    const steps = stepsOf(testJob!.job);
    const setupNode = steps.find((step) =>
      String(step['uses'] ?? '').startsWith('actions/setup-node@'),
    );
    const version = String(dict(setupNode?.['with'], 'setup-node with')['node-version']);
    // A literal version, or `${{ matrix.<key> }}` over the job's matrix.
    const matrixKey = /^\$\{\{\s*matrix\.(\w+)\s*\}\}$/.exec(version)?.[1];
    const versions = matrixKey
      ? (dict(dict(testJob!.job['strategy'], 'strategy')['matrix'], 'matrix')[
          matrixKey
        ] as unknown[])
      : [version];
    const majors = versions.map((v) => Number(/^(\d+)/.exec(String(v))?.[1]));
    expect(majors).toEqual(expect.arrayContaining([24, 22]));
    expect(majors.every((major) => major >= 22)).toBe(true);
    const install = steps.findIndex((step) => /\bnpm ci\b/.test(runOf(step)));
    const test = steps.findIndex((step) => /\bnpm test\b/.test(runOf(step)));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(test);
  });

  it('runs the tests against MongoDB as a replica set, RabbitMQ and Redis', () => {
    expect(testJob, 'no job runs npm test').toBeDefined();
    const { job } = testJob!;
    const steps = stepsOf(job);
    const testStep = steps.find((step) => /\bnpm test\b/.test(runOf(step)))!;
    const environment = {
      ...(isDict(workflow['env']) ? workflow['env'] : {}),
      ...(isDict(job['env']) ? job['env'] : {}),
      ...(isDict(testStep['env']) ? testStep['env'] : {}),
    } as Record<string, string>;

    const mongoUrl = new URL(String(environment['MONGODB_URL']));
    const replicaSet = mongoUrl.searchParams.get('replicaSet');
    expect(replicaSet).toBeTruthy();
    expect(mongoUrl.searchParams.get('directConnection')).toBe('true');
    const startsMongo = steps.some((step) =>
      new RegExp(
        `docker run\\b.*-p ${portOfUrl(mongoUrl)}:27017\\b.*\\bmongo:\\S+.*--replSet ${replicaSet}\\b`,
      ).test(runOf(step)),
    );
    expect(startsMongo, 'no step starts mongo with --replSet on the port MONGODB_URL uses').toBe(
      true,
    );
    expect(steps.some((step) => /rs\.initiate\(/.test(runOf(step)))).toBe(true);

    const containers = dict(job['services'], 'services');
    const published = (image: RegExp) =>
      Object.values(containers)
        .map((container) => dict(container, 'service container'))
        .filter((container) => image.test(String(container['image'])))
        .flatMap((container) => (Array.isArray(container['ports']) ? container['ports'] : []))
        .map((port) => Number(String(port).split(':')[0]));
    const amqpUrl = new URL(String(environment['AMQP_URL']));
    expect(published(/^rabbitmq:.*management/)).toContain(portOfUrl(amqpUrl));
    expect(published(/^redis:/).length).toBeGreaterThan(0);
  });

  it('validates docker-compose.yml with docker compose config', () => {
    const validates = jobs.some(({ job }) =>
      stepsOf(job).some((step) => /\bdocker compose config\b/.test(runOf(step))),
    );
    expect(validates).toBe(true);
  });
});

import {
  Kind,
  parse,
  print,
  visit,
  type ConstArgumentNode,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DocumentNode,
  type SchemaDefinitionNode,
  type SchemaExtensionNode,
} from 'graphql';
import { dropShadowedUnresolvableKeys } from './dropShadowedUnresolvableKeys.ts';

/**
 * SECURITY features whose directives the router enforces itself. `@apollo/gateway` refuses a
 * supergraph that links them `for: SECURITY` (it does not implement them), so the gateway gets
 * a copy without that purpose. Only versions the router understands are listed: an unknown
 * SECURITY feature or version keeps its purpose and the gateway refuses it, so nothing meant
 * to protect data is ever silently ignored. `inaccessible` is absent because the gateway
 * implements it.
 */
const ROUTER_ENFORCED_SECURITY_FEATURES = new Set([
  'https://specs.apollo.dev/authenticated/v0.1',
  'https://specs.apollo.dev/requiresScopes/v0.1',
  'https://specs.apollo.dev/policy/v0.1',
]);

/** A feature linked with `@link(url: ..., for: SECURITY)` that the router must enforce. */
export interface LinkedSecurityFeature {
  /** The feature URL as linked, e.g. `https://specs.apollo.dev/authenticated/v0.1`. */
  url: string;
  /** The feature name taken from its URL, e.g. `authenticated`. */
  name: string;
  /** The feature version taken from its URL, e.g. `v0.1`. */
  version: string;
  /**
   * The name of the feature's directive in this supergraph, without `@`. It differs from `name`
   * when the link renames it (`as:` or an aliased `import:`).
   */
  directiveName: string;
}

/** A subgraph named in the supergraph (`@join__graph`), with its compose-time routing URL. */
export interface SupergraphSubgraph {
  name: string;
  url: string;
}

/** A supergraph read and made ready for `@apollo/gateway`. */
export interface PreparedSupergraph {
  /** The supergraph SDL as given. */
  sdl: string;
  /**
   * The SDL to give the gateway and the query planner: the same schema, with `for: SECURITY`
   * removed from the links of the features in `securityFeatures`, and the unresolvable keys
   * the planner would misuse left out (see `dropShadowedUnresolvableKeys`).
   */
  gatewaySdl: string;
  /** SECURITY features the supergraph links that the router, not the gateway, enforces. */
  securityFeatures: LinkedSecurityFeature[];
  /** The subgraphs the supergraph routes to. */
  subgraphs: SupergraphSubgraph[];
}

type SchemaNode = SchemaDefinitionNode | SchemaExtensionNode;

interface ParsedLink {
  url: string;
  identity: string;
  name: string;
  version: string;
  /** `as:` of the link, or the feature name. */
  namespace: string;
  purpose: string | undefined;
  imports: ReadonlyMap<string, string>;
}

/**
 * Reads a supergraph SDL (core schema with `@link`, or the older `@core`), lists the SECURITY
 * features the router must enforce and derives the SDL the gateway accepts. Throws when the
 * text is not GraphQL or not a core schema; the full validation is left to the gateway.
 */
export function prepareSupergraph(sdl: string): PreparedSupergraph {
  const document = parse(sdl, { noLocation: true });
  const schemaNodes = document.definitions.filter(
    (definition): definition is SchemaNode =>
      definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION,
  );
  const linkDirectiveName = findLinkDirectiveName(schemaNodes);
  const links = schemaNodes
    .flatMap((node) => node.directives ?? [])
    .filter((directive) => directive.name.value === linkDirectiveName)
    .map(parseLink)
    .filter((link) => link !== undefined);

  const handedOver = links.filter(
    (link) => link.purpose === 'SECURITY' && ROUTER_ENFORCED_SECURITY_FEATURES.has(link.url),
  );
  const handedOverUrls = new Set(handedOver.map((link) => link.url));

  const gatewayDocument: DocumentNode =
    handedOver.length === 0
      ? document
      : visit(document, {
          enter(node) {
            if (node.kind !== Kind.SCHEMA_DEFINITION && node.kind !== Kind.SCHEMA_EXTENSION) return;
            if (!node.directives?.length) return;
            return {
              ...node,
              directives: node.directives.map((directive) => {
                const link =
                  directive.name.value === linkDirectiveName ? parseLink(directive) : undefined;
                if (!link || !handedOverUrls.has(link.url)) return directive;
                return {
                  ...directive,
                  arguments: directive.arguments?.filter(
                    (argument) => argument.name.value !== 'for',
                  ),
                };
              }),
            };
          },
        });

  const joinLink = links.find((link) => link.identity === 'https://specs.apollo.dev/join');
  const plannedDocument = joinLink
    ? dropShadowedUnresolvableKeys(gatewayDocument, joinLink.namespace)
    : gatewayDocument;
  return {
    sdl,
    gatewaySdl: plannedDocument === document ? sdl : print(plannedDocument),
    securityFeatures: handedOver.map((link) => ({
      url: link.url,
      name: link.name,
      version: link.version,
      directiveName: link.imports.get(link.name) ?? link.namespace,
    })),
    subgraphs: joinLink ? readSubgraphs(document, joinLink.namespace) : [],
  };
}

/**
 * The name the schema gives `@link` itself (a schema may rename it with `as:`), found as the
 * directive that links the link spec, or the core spec for `@core` supergraphs.
 */
function findLinkDirectiveName(schemaNodes: readonly SchemaNode[]): string {
  for (const directive of schemaNodes.flatMap((node) => node.directives ?? [])) {
    const url = stringArgument(directive, 'url') ?? stringArgument(directive, 'feature');
    const identity = url === undefined ? undefined : splitFeatureUrl(url)?.identity;
    if (
      identity === 'https://specs.apollo.dev/link' ||
      identity === 'https://specs.apollo.dev/core'
    ) {
      return directive.name.value;
    }
  }
  throw new Error('not a supergraph: the schema links neither the link nor the core spec');
}

function parseLink(directive: ConstDirectiveNode): ParsedLink | undefined {
  const url = stringArgument(directive, 'url') ?? stringArgument(directive, 'feature');
  const parts = url === undefined ? undefined : splitFeatureUrl(url);
  if (url === undefined || parts === undefined) return undefined;
  const purpose = argument(directive, 'for');
  return {
    url,
    ...parts,
    namespace: stringArgument(directive, 'as') ?? parts.name,
    purpose: purpose?.value.kind === Kind.ENUM ? purpose.value.value : undefined,
    imports: readImports(argument(directive, 'import')?.value),
  };
}

/** `import: ["@a", { name: "@b", as: "@c" }]` as a map from directive name to local name. */
function readImports(value: ConstValueNode | undefined): ReadonlyMap<string, string> {
  const imports = new Map<string, string>();
  if (value?.kind !== Kind.LIST) return imports;
  for (const entry of value.values) {
    if (entry.kind === Kind.STRING) {
      imports.set(stripAt(entry.value), stripAt(entry.value));
    } else if (entry.kind === Kind.OBJECT) {
      const field = (key: string) => {
        const found = entry.fields.find((candidate) => candidate.name.value === key)?.value;
        return found?.kind === Kind.STRING ? found.value : undefined;
      };
      const name = field('name');
      if (name !== undefined) imports.set(stripAt(name), stripAt(field('as') ?? name));
    }
  }
  return imports;
}

/** Subgraph names and URLs from the `@<join>__graph` directives on the `<join>__Graph` enum. */
function readSubgraphs(document: DocumentNode, joinNamespace: string): SupergraphSubgraph[] {
  const subgraphs: SupergraphSubgraph[] = [];
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.ENUM_TYPE_DEFINITION ||
      definition.name.value !== `${joinNamespace}__Graph`
    ) {
      continue;
    }
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find(
        (directive) => directive.name.value === `${joinNamespace}__graph`,
      );
      const name = graph && stringArgument(graph, 'name');
      const url = graph && stringArgument(graph, 'url');
      if (name !== undefined && url !== undefined) subgraphs.push({ name, url });
    }
  }
  return subgraphs;
}

/** `https://specs.apollo.dev/authenticated/v0.1` → identity, name `authenticated`, `v0.1`. */
function splitFeatureUrl(
  url: string,
): { identity: string; name: string; version: string } | undefined {
  const match = /^(.*\/([^/]+))\/(v\d+\.\d+)\/?$/.exec(url);
  if (!match) return undefined;
  const [, identity, name, version] = match;
  if (identity === undefined || name === undefined || version === undefined) return undefined;
  return { identity, name, version };
}

function argument(directive: ConstDirectiveNode, name: string): ConstArgumentNode | undefined {
  return directive.arguments?.find((candidate) => candidate.name.value === name);
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = argument(directive, name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function stripAt(name: string): string {
  return name.startsWith('@') ? name.slice(1) : name;
}

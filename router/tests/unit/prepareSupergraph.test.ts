import { ApolloGateway } from '@apollo/gateway';
import { parse, print, type ConstDirectiveNode, type GraphQLObjectType } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareSupergraph } from '../../src/supergraph/prepareSupergraph.ts';
import { composeSupergraph } from '../support/composeSupergraph.ts';

const ACCOUNTS = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.9",
        import: ["@key", "@authenticated", "@requiresScopes", "@policy", "@inaccessible"])

type Query {
  me: User @authenticated
  users: [User!]! @requiresScopes(scopes: [["admin"]])
  audit: String @policy(policies: [["auditor"]])
}

type User @key(fields: "id") {
  id: ID!
  name: String!
  passwordHash: String @inaccessible
}`;

const ORDERS = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])

type User @key(fields: "id") {
  id: ID!
  orders: [String!]!
}`;

const securedSupergraph = () =>
  composeSupergraph([
    { name: 'accounts', url: 'http://accounts:4001/graphql', sdl: ACCOUNTS },
    { name: 'orders', url: 'http://orders:4002/graphql', sdl: ORDERS },
  ]);

/** The `@link` directives on the schema definition of an SDL, printed. */
function links(sdl: string): string[] {
  const document = parse(sdl);
  return document.definitions.flatMap((definition) =>
    definition.kind === 'SchemaDefinition' || definition.kind === 'SchemaExtension'
      ? (definition.directives ?? [])
          .filter((directive: ConstDirectiveNode) => directive.name.value === 'link')
          .map((directive) => print(directive))
      : [],
  );
}

describe('prepareSupergraph', () => {
  const gateways: ApolloGateway[] = [];
  const load = async (supergraphSdl: string) => {
    const gateway = new ApolloGateway({ supergraphSdl });
    gateways.push(gateway);
    return gateway.load();
  };

  afterEach(async () => {
    await Promise.allSettled(gateways.splice(0).map((gateway) => gateway.stop()));
  });

  it('gives the gateway a supergraph it accepts where it refuses the original', async () => {
    const sdl = securedSupergraph();
    await expect(load(sdl)).rejects.toThrow(
      'feature https://specs.apollo.dev/authenticated/v0.1 is for: SECURITY but is unsupported',
    );

    const { gatewaySdl } = prepareSupergraph(sdl);
    const { schema } = await load(gatewaySdl);
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).toEqual(['me', 'users', 'audit']);
    // @inaccessible is the gateway's to enforce, and it still does.
    // A cast, not isObjectType: the gateway's graphql module may not be this test's (dual build).
    const user = schema.getType('User') as GraphQLObjectType;
    expect(Object.keys(user.getFields())).toEqual(['id', 'name', 'orders']);
  });

  it('lists the SECURITY features the router must enforce', () => {
    expect(prepareSupergraph(securedSupergraph()).securityFeatures).toEqual([
      {
        url: 'https://specs.apollo.dev/authenticated/v0.1',
        name: 'authenticated',
        version: 'v0.1',
        directiveName: 'authenticated',
      },
      {
        url: 'https://specs.apollo.dev/requiresScopes/v0.1',
        name: 'requiresScopes',
        version: 'v0.1',
        directiveName: 'requiresScopes',
      },
      {
        url: 'https://specs.apollo.dev/policy/v0.1',
        name: 'policy',
        version: 'v0.1',
        directiveName: 'policy',
      },
    ]);
  });

  it('drops only the purpose of the handed-over links, keeping their directives', () => {
    const sdl = securedSupergraph();
    const { gatewaySdl } = prepareSupergraph(sdl);
    const handedOver = /authenticated|requiresScopes|policy/;
    expect(links(gatewaySdl)).toEqual(
      links(sdl).map((link) =>
        handedOver.test(link) ? link.replace(', for: SECURITY', '') : link,
      ),
    );
    expect(links(gatewaySdl)).toContain(
      '@link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)',
    );
    expect(gatewaySdl).toContain('me: User @join__field(graph: ACCOUNTS) @authenticated');
    expect(gatewaySdl).toContain('@requiresScopes(scopes: [["admin"]])');
  });

  it('lists the subgraphs with their routing URLs', () => {
    expect(prepareSupergraph(securedSupergraph()).subgraphs).toEqual([
      { name: 'accounts', url: 'http://accounts:4001/graphql' },
      { name: 'orders', url: 'http://orders:4002/graphql' },
    ]);
  });

  it('returns a supergraph without handed-over features unchanged', () => {
    const sdl = composeSupergraph([
      { name: 'orders', url: 'http://orders/graphql', sdl: `${ORDERS} type Query { count: Int }` },
    ]);
    expect(prepareSupergraph(sdl)).toEqual({
      sdl,
      gatewaySdl: sdl,
      securityFeatures: [],
      subgraphs: [{ name: 'orders', url: 'http://orders/graphql' }],
    });
  });

  it('follows a renamed @link and renamed or imported directives', () => {
    const sdl = `
      schema
        @lnk(url: "https://specs.apollo.dev/link/v1.0", as: "lnk")
        @lnk(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY, as: "auth")
        @lnk(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY,
             import: [{ name: "@requiresScopes", as: "@scopes" }])
      { query: Query }
      type Query { a: String }`;
    const prepared = prepareSupergraph(sdl);
    expect(
      prepared.securityFeatures.map(({ name, directiveName }) => [name, directiveName]),
    ).toEqual([
      ['authenticated', 'auth'],
      ['requiresScopes', 'scopes'],
    ]);
    expect(prepared.gatewaySdl).not.toContain('SECURITY');
  });

  it('reads supergraphs that use the older @core', () => {
    const sdl = `
      schema
        @core(feature: "https://specs.apollo.dev/core/v0.2")
        @core(feature: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)
      { query: Query }
      type Query { a: String }`;
    const prepared = prepareSupergraph(sdl);
    expect(prepared.securityFeatures.map(({ name }) => name)).toEqual(['policy']);
    expect(prepared.gatewaySdl).toContain('@core(feature: "https://specs.apollo.dev/policy/v0.1")');
  });

  it('leaves SECURITY features the router does not enforce to the gateway', () => {
    const sdl = securedSupergraph().replace('policy/v0.1', 'policy/v0.7');
    const prepared = prepareSupergraph(sdl);
    expect(prepared.securityFeatures.map(({ name }) => name)).toEqual([
      'authenticated',
      'requiresScopes',
    ]);
    expect(prepared.gatewaySdl).toContain(
      '@link(url: "https://specs.apollo.dev/policy/v0.7", for: SECURITY)',
    );
  });

  it('refuses text that is not a supergraph', () => {
    expect(() => prepareSupergraph('type Query { a: String }')).toThrow('not a supergraph');
    expect(() => prepareSupergraph('schema {')).toThrow('Syntax Error');
  });
});

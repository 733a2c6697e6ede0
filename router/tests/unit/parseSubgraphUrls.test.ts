import { describe, expect, it } from 'vitest';
import { parseSubgraphUrls } from '../../src/subgraphs/parseSubgraphUrls.ts';

describe('parseSubgraphUrls', () => {
  it('reads name=url pairs', () => {
    expect(
      parseSubgraphUrls('catalog=http://catalog:4001/graphql,identity=https://identity/graphql'),
    ).toEqual({
      catalog: 'http://catalog:4001/graphql',
      identity: 'https://identity/graphql',
    });
  });

  it('ignores whitespace and empty entries', () => {
    expect(parseSubgraphUrls(' catalog = http://catalog:4001/graphql , ,')).toEqual({
      catalog: 'http://catalog:4001/graphql',
    });
  });

  it('reads an empty string as no overrides', () => {
    expect(parseSubgraphUrls('')).toEqual({});
  });

  it('keeps query strings and = inside URLs', () => {
    expect(parseSubgraphUrls('trading=http://trading/graphql?a=b')).toEqual({
      trading: 'http://trading/graphql?a=b',
    });
  });

  it.each([
    ['catalog', '"catalog" is not of the form name=url'],
    ['=http://catalog/graphql', '"=http://catalog/graphql" is not of the form name=url'],
    ['catalog=', '"catalog=" is not of the form name=url'],
    ['catalog=catalog:4001', 'the URL of subgraph "catalog" is not an http(s) URL: "catalog:4001"'],
    ['catalog=ftp://catalog/graphql', 'is not an http(s) URL'],
    ['my catalog=http://catalog/graphql', '"my catalog" is not a subgraph name'],
    ['a=http://a/graphql,a=http://b/graphql', 'subgraph "a" is given more than once'],
  ])('refuses %j', (value, message) => {
    expect(() => parseSubgraphUrls(value)).toThrow(message);
  });
});

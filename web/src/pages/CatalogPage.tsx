import type { FormEvent } from 'react';
import { useQuery } from 'urql';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LoadMoreButton } from '../components/LoadMoreButton.tsx';
import { graphql } from '../gql/index.ts';
import { useRereadWhileOpen } from '../live/useRereadWhileOpen.ts';
import { usePages, type Page } from '../paging/usePages.ts';
import { Link } from '../routing/Link.tsx';
import { navigate } from '../routing/useLocation.ts';

const PAGE_SIZE = 12;

const CatalogItemsDocument = graphql(`
  query CatalogItems($first: Int!, $after: String, $search: String) {
    items(first: $first, after: $after, search: $search) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          description
          price
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The catalog, searched by the `search` of the URL (so a search can be shared), page by page. */
export function CatalogPage({ search }: { search: string }) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('search') ?? '').trim();
    navigate(text === '' ? '/' : `/?search=${encodeURIComponent(text)}`);
  };
  return (
    <>
      <h1 tabIndex={-1}>{search ? `Items matching “${search}”` : 'Catalog'}</h1>
      <form role="search" className="search" onSubmit={submit}>
        <label htmlFor="search">Search items</label>
        <input id="search" name="search" type="search" defaultValue={search} key={search} />
        <button type="submit">Search</button>
      </form>
      {/* A new search starts again from its first page. */}
      <CatalogPages key={search} search={search} />
    </>
  );
}

function CatalogPages({ search }: { search: string }) {
  const pages = usePages();
  return (
    <div className="catalog">
      {pages.map((page) => (
        <CatalogPageOfItems key={page.key} search={search} page={page} />
      ))}
    </div>
  );
}

function CatalogPageOfItems({ search, page }: { search: string; page: Page }) {
  const [{ data, fetching, error }, readItems] = useQuery({
    query: CatalogItemsDocument,
    variables: { first: PAGE_SIZE, after: page.after, search: search || null },
  });
  // No subscription tells of catalog changes: an open page reads its items again now and then.
  useRereadWhileOpen(() => readItems({ requestPolicy: 'network-only' }));
  if (error && !data) return <ErrorAlert error={error} />;
  if (!data) return fetching ? <p role="status">Loading items…</p> : null;
  const { edges, pageInfo, totalCount } = data.items;
  const next = page.nextCursor(pageInfo);
  return (
    <>
      {page.first && (
        <p className="count" role="status">
          {totalCount === 0
            ? search
              ? `No items match “${search}”.`
              : 'The store has no items yet.'
            : `${totalCount} item${totalCount === 1 ? '' : 's'}`}
        </p>
      )}
      <ul className="items">
        {edges.map(({ node }) => (
          <li key={node.id} className="item-card">
            <h2>
              <Link href={`/items/${encodeURIComponent(node.id)}`}>{node.name}</Link>
            </h2>
            <p className="description">{node.description}</p>
            <p className="price">{node.price.toLocaleString('en')} gil</p>
          </li>
        ))}
      </ul>
      {next && <LoadMoreButton onClick={() => page.loadMore(next)}>Load more items</LoadMoreButton>}
    </>
  );
}

import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AdminNav } from '../../components/AdminNav.tsx';
import { AdminOnly } from '../../components/AdminOnly.tsx';
import { ItemForm } from '../../components/ItemForm.tsx';
import { PagedTableBody } from '../../components/PagedTableBody.tsx';
import { graphql } from '../../gql/index.ts';
import { usePages, type Page } from '../../paging/usePages.ts';
import { Link } from '../../routing/Link.tsx';

const PAGE_SIZE = 20;

export const AdminItemsDocument = graphql(`
  query AdminItems($first: Int!, $after: String) {
    items(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          name
          price
          updatedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CreateItemDocument = graphql(`
  mutation CreateItem($input: CreateItemInput!) {
    createItem(input: $input) {
      id
      name
      description
      price
      updatedAt
    }
  }
`);

/** The catalog as an admin manages it: a form for a new item, and every item to edit. */
export function AdminItemsPage({ deleted }: { deleted: string | null }) {
  return (
    <AdminOnly>
      <h1 tabIndex={-1}>Manage items</h1>
      <AdminNav />
      {deleted && (
        <p className="success" role="status">
          Deleted “{deleted}”. Players no longer see it.
        </p>
      )}
      <NewItem />
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Items</h2>
        <ItemPages />
      </section>
    </AdminOnly>
  );
}

function NewItem() {
  const [, createItem] = useMutation(CreateItemDocument);
  const [created, setCreated] = useState<{ id: string; name: string; price: number }>();
  return (
    <section aria-labelledby="new-item-heading" className="panel">
      <h2 id="new-item-heading">New item</h2>
      <ItemForm
        form="new-item"
        submitLabel="Create item"
        busyLabel="Creating…"
        clearOnSuccess
        onSubmit={async (input) => {
          setCreated(undefined);
          const result = await createItem({ input });
          if (result.data) setCreated(result.data.createItem);
          return result.error;
        }}
      />
      <p className="success" role="status">
        {created && (
          <>
            Created “{created.name}” at {created.price.toLocaleString('en')} gil.{' '}
            <Link href={`/admin/items/${encodeURIComponent(created.id)}`}>Edit it</Link>
          </>
        )}
      </p>
    </section>
  );
}

function ItemPages() {
  const pages = usePages();
  return (
    <table className="admin-table">
      <caption className="visually-hidden">Every item in the catalog</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Price</th>
          <th scope="col">Last changed</th>
        </tr>
      </thead>
      {pages.map((page) => (
        <ItemRows key={page.key} page={page} />
      ))}
    </table>
  );
}

function ItemRows({ page }: { page: Page }) {
  const [{ data, fetching, error }] = useQuery({
    query: AdminItemsDocument,
    variables: { first: PAGE_SIZE, after: page.after },
  });
  return (
    <PagedTableBody
      page={page}
      columns={3}
      connection={data?.items}
      fetching={fetching}
      error={error}
      loading="Loading items…"
      empty="The store has no items yet: create the first one above."
      loadMore="Load more items"
    >
      {(node) => (
        <tr key={node.id}>
          <th scope="row">
            <Link href={`/admin/items/${encodeURIComponent(node.id)}`}>{node.name}</Link>
          </th>
          <td>{node.price.toLocaleString('en')} gil</td>
          <td>{new Date(node.updatedAt).toLocaleString('en')}</td>
        </tr>
      )}
    </PagedTableBody>
  );
}

import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeError } from '../../api/describeError.ts';
import { AdminNav } from '../../components/AdminNav.tsx';
import { AdminOnly } from '../../components/AdminOnly.tsx';
import { ItemForm } from '../../components/ItemForm.tsx';
import { TableMessage } from '../../components/TableMessage.tsx';
import { graphql } from '../../gql/index.ts';
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
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
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
      {cursors.map((after, index) => (
        <ItemRows
          key={after ?? 'first'}
          after={after}
          first={index === 0}
          last={index === cursors.length - 1}
          onLoadMore={(cursor) => setCursors((loaded) => [...loaded, cursor])}
        />
      ))}
    </table>
  );
}

interface RowsProps {
  after: string | null;
  first: boolean;
  last: boolean;
  onLoadMore: (cursor: string) => void;
}

function ItemRows({ after, first, last, onLoadMore }: RowsProps) {
  const [{ data, fetching, error }] = useQuery({
    query: AdminItemsDocument,
    variables: { first: PAGE_SIZE, after },
  });
  if (error && !data) {
    return (
      <TableMessage columns={3} alert>
        {describeError(error)}
      </TableMessage>
    );
  }
  if (!data) return fetching ? <TableMessage columns={3}>Loading items…</TableMessage> : null;
  const { edges, pageInfo, totalCount } = data.items;
  return (
    <tbody>
      {first && totalCount === 0 && (
        <tr>
          <td colSpan={3}>The store has no items yet: create the first one above.</td>
        </tr>
      )}
      {edges.map(({ node }) => (
        <tr key={node.id}>
          <th scope="row">
            <Link href={`/admin/items/${encodeURIComponent(node.id)}`}>{node.name}</Link>
          </th>
          <td>{node.price.toLocaleString('en')} gil</td>
          <td>{new Date(node.updatedAt).toLocaleString('en')}</td>
        </tr>
      ))}
      {last && pageInfo.hasNextPage && pageInfo.endCursor && (
        <tr>
          <td colSpan={3}>
            <button
              type="button"
              className="load-more"
              onClick={() => pageInfo.endCursor && onLoadMore(pageInfo.endCursor)}
            >
              Load more items
            </button>
          </td>
        </tr>
      )}
    </tbody>
  );
}

import { useState } from 'react';
import { useQuery } from 'urql';
import { describeError } from '../../api/describeError.ts';
import { AdminNav } from '../../components/AdminNav.tsx';
import { AdminOnly } from '../../components/AdminOnly.tsx';
import { TableMessage } from '../../components/TableMessage.tsx';
import { graphql } from '../../gql/index.ts';
import { Link } from '../../routing/Link.tsx';

const PAGE_SIZE = 20;

const AdminUsersDocument = graphql(`
  query AdminUsers($first: Int!, $after: String) {
    users(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          username
          email
          roles
          gil
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Every account, by username, a page at a time; each opens the player's own admin page. */
export function AdminUsersPage() {
  return (
    <AdminOnly>
      <h1 tabIndex={-1}>Players</h1>
      <AdminNav />
      <UserPages />
    </AdminOnly>
  );
}

function UserPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <table className="admin-table">
      <caption className="visually-hidden">Every account, by username</caption>
      <thead>
        <tr>
          <th scope="col">Username</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Gil</th>
        </tr>
      </thead>
      {cursors.map((after, index) => (
        <UserRows
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

function UserRows({ after, first, last, onLoadMore }: RowsProps) {
  const [{ data, fetching, error }] = useQuery({
    query: AdminUsersDocument,
    variables: { first: PAGE_SIZE, after },
  });
  if (error && !data) {
    return (
      <TableMessage columns={4} alert>
        {describeError(error)}
      </TableMessage>
    );
  }
  if (!data) return fetching ? <TableMessage columns={4}>Loading players…</TableMessage> : null;
  const { edges, pageInfo, totalCount } = data.users;
  return (
    <tbody>
      {first && totalCount === 0 && (
        <tr>
          <td colSpan={4}>Nobody has an account yet.</td>
        </tr>
      )}
      {edges.map(({ node }) => (
        <tr key={node.id}>
          <th scope="row">
            <Link href={`/admin/users/${encodeURIComponent(node.id)}`}>{node.username}</Link>
          </th>
          <td>{node.email}</td>
          <td>{node.roles.includes('ADMIN') ? 'Admin' : 'Player'}</td>
          <td className="number">{node.gil.toLocaleString('en')}</td>
        </tr>
      ))}
      {last && pageInfo.hasNextPage && pageInfo.endCursor && (
        <tr>
          <td colSpan={4}>
            <button
              type="button"
              className="load-more"
              onClick={() => pageInfo.endCursor && onLoadMore(pageInfo.endCursor)}
            >
              Load more players
            </button>
          </td>
        </tr>
      )}
    </tbody>
  );
}

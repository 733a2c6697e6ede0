import { useQuery } from 'urql';
import { AdminNav } from '../../components/AdminNav.tsx';
import { AdminOnly } from '../../components/AdminOnly.tsx';
import { PagedTableBody } from '../../components/PagedTableBody.tsx';
import { graphql } from '../../gql/index.ts';
import { usePages, type Page } from '../../paging/usePages.ts';
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
  const pages = usePages();
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
      {pages.map((page) => (
        <UserRows key={page.key} page={page} />
      ))}
    </table>
  );
}

function UserRows({ page }: { page: Page }) {
  const [{ data, fetching, error }] = useQuery({
    query: AdminUsersDocument,
    variables: { first: PAGE_SIZE, after: page.after },
  });
  return (
    <PagedTableBody
      page={page}
      columns={4}
      connection={data?.users}
      fetching={fetching}
      error={error}
      loading="Loading players…"
      empty="Nobody has an account yet."
      loadMore="Load more players"
    >
      {(node) => (
        <tr key={node.id}>
          <th scope="row">
            <Link href={`/admin/users/${encodeURIComponent(node.id)}`}>{node.username}</Link>
          </th>
          <td>{node.email}</td>
          <td>{node.roles.includes('ADMIN') ? 'Admin' : 'Player'}</td>
          <td className="number">{node.gil.toLocaleString('en')}</td>
        </tr>
      )}
    </PagedTableBody>
  );
}

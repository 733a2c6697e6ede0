import { useQuery } from 'urql';
import { AdjustGilForm } from '../../components/AdjustGilForm.tsx';
import { AdminNav } from '../../components/AdminNav.tsx';
import { AdminOnly } from '../../components/AdminOnly.tsx';
import { GrantItemsForm } from '../../components/GrantItemsForm.tsx';
import { InventoryTable } from '../../components/InventoryTable.tsx';
import { PageFallback } from '../../components/PageFallback.tsx';
import { graphql } from '../../gql/index.ts';
import { Link } from '../../routing/Link.tsx';

/** The most inventory entries the page shows (one page of `User.inventory`). */
const INVENTORY_PAGE = 100;

const AdminUserDocument = graphql(`
  query AdminUser($id: ID!, $first: Int!) {
    user(id: $id) {
      id
      username
      email
      roles
      gil
      createdAt
      inventory(first: $first) {
        quantity
        item {
          id
          name
        }
      }
    }
  }
`);

/** One account: who it is, its gil and inventory, and the admin's grant and gil forms. */
export function AdminUserPage({ id }: { id: string }) {
  return (
    <AdminOnly>
      <ManageUser id={id} />
    </AdminOnly>
  );
}

function ManageUser({ id }: { id: string }) {
  const [{ data, fetching, error }, readUser] = useQuery({
    query: AdminUserDocument,
    variables: { id, first: INVENTORY_PAGE },
    requestPolicy: 'network-only',
  });
  const user = data?.user;
  if (!user) {
    return (
      <PageFallback
        heading="Player"
        navigation={<AdminNav />}
        loading="Loading the player…"
        notFound="Player not found"
        answered={data !== undefined}
        fetching={fetching}
        error={error}
      >
        <p>
          No account has this id. <Link href="/admin/users">Back to the players</Link>
        </p>
      </PageFallback>
    );
  }
  const owned = user.inventory.filter((entry) => entry.quantity > 0);
  return (
    <>
      <h1 tabIndex={-1}>{user.username}</h1>
      <AdminNav />
      <dl className="facts">
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{user.roles.includes('ADMIN') ? 'Admin' : 'Player'}</dd>
        <dt>Gil</dt>
        <dd data-testid="user-gil" aria-live="polite">
          {user.gil.toLocaleString('en')} gil
        </dd>
        <dt>Joined</dt>
        <dd>{new Date(user.createdAt).toLocaleDateString('en')}</dd>
      </dl>
      <section aria-labelledby="inventory-heading">
        <h2 id="inventory-heading">Inventory</h2>
        {owned.length === 0 ? (
          <p>{user.username} does not own anything yet.</p>
        ) : (
          <InventoryTable caption={<>What {user.username} owns</>} entries={owned} />
        )}
      </section>
      <div className="admin-forms">
        {/* A user without entries has no typename a grant's answer would invalidate: read again. */}
        <GrantItemsForm user={user} onGranted={() => readUser({ requestPolicy: 'network-only' })} />
        <AdjustGilForm user={user} onAdjusted={() => readUser({ requestPolicy: 'network-only' })} />
      </div>
    </>
  );
}

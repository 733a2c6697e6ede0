import { useEffect } from 'react';
import { useMutation, useQuery } from 'urql';
import { WITHOUT_TOKEN } from '../api/createStoreClient.ts';
import { SignOutDocument } from '../api/sessionOperations.ts';
import { useSession, useStore } from '../api/StoreContext.ts';
import { graphql } from '../gql/index.ts';
import { Link } from '../routing/Link.tsx';
import { navigate, useLocation } from '../routing/useLocation.ts';

const BalanceDocument = graphql(`
  query Balance {
    me {
      id
      username
      gil
    }
  }
`);

/** The store's name, its pages, and the player's name and gil (or the ways to sign in). */
export function Header({ balanceVersion }: { balanceVersion: number }) {
  const sessionState = useSession();
  const location = useLocation();
  const signedIn = sessionState.status === 'signed-in';
  const here = location.pathname + location.search;
  const returnTo = here.startsWith('/sign-') ? '' : `?returnTo=${encodeURIComponent(here)}`;
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Play Economy store
      </Link>
      <nav aria-label="Main">
        <ul>
          <li>
            <Link href="/">Catalog</Link>
          </li>
          {signedIn && (
            <li>
              <Link href="/inventory">Inventory</Link>
            </li>
          )}
          {signedIn && sessionState.player.roles.includes('ADMIN') && (
            <li>
              <Link href="/admin/items">Admin</Link>
            </li>
          )}
        </ul>
      </nav>
      <div className="account">
        {signedIn ? (
          <SignedIn balanceVersion={balanceVersion} username={sessionState.player.username} />
        ) : (
          <>
            <Link href={`/sign-in${returnTo}`}>Sign in</Link>
            <Link href={`/sign-up${returnTo}`} className="button">
              Sign up
            </Link>
          </>
        )}
      </div>
    </header>
  );
}

function SignedIn({ balanceVersion, username }: { balanceVersion: number; username: string }) {
  const { session } = useStore();
  const [{ data }, readBalance] = useQuery({
    query: BalanceDocument,
    requestPolicy: 'network-only',
  });
  const [{ fetching: signingOut }, signOut] = useMutation(SignOutDocument);
  useEffect(() => {
    if (balanceVersion > 0) readBalance({ requestPolicy: 'network-only' });
  }, [balanceVersion, readBalance]);

  const leave = async () => {
    const refreshToken = session.refreshToken;
    // The session ends here whatever the answer: the player asked to leave.
    if (refreshToken) await signOut({ refreshToken }, WITHOUT_TOKEN);
    session.end();
    navigate('/');
  };
  const gil = data?.me?.gil;
  return (
    <>
      <span className="player">{username}</span>
      <span className="balance" aria-live="polite" data-testid="balance">
        {gil === undefined ? '… gil' : `${gil.toLocaleString('en')} gil`}
      </span>
      <button type="button" onClick={() => void leave()} disabled={signingOut}>
        Sign out
      </button>
    </>
  );
}

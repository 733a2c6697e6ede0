import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Provider } from 'urql';
import type { StoreClient } from './api/createStoreClient.ts';
import type { Session } from './api/Session.ts';
import { StoreContext, useSession, useStore, type Store } from './api/StoreContext.ts';
import { Header } from './components/Header.tsx';
import { CatalogPage } from './pages/CatalogPage.tsx';
import { InventoryPage } from './pages/InventoryPage.tsx';
import { ItemPage } from './pages/ItemPage.tsx';
import { AdminItemPage } from './pages/admin/AdminItemPage.tsx';
import { AdminItemsPage } from './pages/admin/AdminItemsPage.tsx';
import { AdminUserPage } from './pages/admin/AdminUserPage.tsx';
import { AdminUsersPage } from './pages/admin/AdminUsersPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SignUpPage } from './pages/SignUpPage.tsx';
import { matchRoute } from './routing/matchRoute.ts';
import { useLocation } from './routing/useLocation.ts';

export interface AppProps {
  session: Session;
  storeClient: StoreClient;
}

export function App({ session, storeClient }: AppProps) {
  // The header's balance query registers how to read it again; pages ask through the store.
  const [balanceVersion, setBalanceVersion] = useState(0);
  const refreshBalance = useCallback(() => setBalanceVersion((version) => version + 1), []);
  const store = useMemo<Store>(
    () => ({ session, storeClient, refreshBalance }),
    [session, storeClient, refreshBalance],
  );
  return (
    <Provider value={storeClient.client}>
      <StoreContext.Provider value={store}>
        <Shell balanceVersion={balanceVersion} />
      </StoreContext.Provider>
    </Provider>
  );
}

function Shell({ balanceVersion }: { balanceVersion: number }) {
  const location = useLocation();
  const route = matchRoute(location.pathname);
  const sessionState = useSession();
  const { session } = useStore();

  useEffect(() => {
    if (sessionState.status === 'resuming') void session.refresh();
  }, [session, sessionState.status]);

  // A new page moves focus to its heading, so keyboard and screen-reader users start there.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [location.pathname]);

  const notice = sessionState.status === 'signed-out' ? sessionState.notice : undefined;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header balanceVersion={balanceVersion} />
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      <main id="main">
        {sessionState.status === 'resuming' ? (
          <p role="status">Restoring your session…</p>
        ) : (
          <Page route={route} search={location.searchParams} />
        )}
      </main>
    </>
  );
}

function Page({
  route,
  search,
}: {
  route: ReturnType<typeof matchRoute>;
  search: URLSearchParams;
}) {
  switch (route.page) {
    case 'catalog':
      return <CatalogPage search={search.get('search') ?? ''} />;
    case 'item':
      return <ItemPage id={route.id} />;
    case 'inventory':
      return <InventoryPage />;
    case 'sign-in':
      return <SignInPage returnTo={search.get('returnTo')} />;
    case 'sign-up':
      return <SignUpPage returnTo={search.get('returnTo')} />;
    case 'admin-items':
      return <AdminItemsPage deleted={search.get('deleted')} />;
    case 'admin-item':
      return <AdminItemPage id={route.id} />;
    case 'admin-users':
      return <AdminUsersPage />;
    case 'admin-user':
      return <AdminUserPage id={route.id} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

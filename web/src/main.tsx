import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createStoreClient } from './api/createStoreClient.ts';
import { Session } from './api/Session.ts';
import './styles.css';

const session = new Session(window.sessionStorage);
const storeClient = createStoreClient({ session });
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App session={session} storeClient={storeClient} />
  </StrictMode>,
);

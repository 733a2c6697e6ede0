import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Where `npm run dev` sends `/graphql` (HTTP and WebSocket): the router `npm start` runs, unless
 * `ROUTER_ORIGIN` says otherwise.
 */
const routerOrigin = process.env['ROUTER_ORIGIN'] ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/graphql': { target: routerOrigin, ws: true, changeOrigin: true } },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});

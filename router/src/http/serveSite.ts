import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { Router } from 'express';

/** A built single-page application the router serves beside GraphQL. */
export interface SiteSettings {
  /**
   * The build's directory: `index.html` at its root, content-hashed files under `assets/`
   * (Vite's layout).
   */
  directory: string;
}

/** Paths that belong to the router itself, never to the site (nor to its fallback page). */
const ROUTER_PATHS = /^\/(graphql|metrics)(\/|$)|^\/health(\/|$)/;

/** A path whose last segment has an extension asks for a file, not for a page of the app. */
const FILE_PATH = /\.[^/]*$/;

/**
 * Serves a built single-page application on `GET` and `HEAD`: its files as they are, and
 * `index.html` for any other path without an extension, so the app's own routes
 * (`/items/42`) load it. Hashed assets may be cached for a year; `index.html`, which names
 * them, is revalidated on every load, so a new build is picked up at once. Files are looked up
 * inside the directory only (`..` and dotfiles are refused by `send`), and the router's own
 * paths are left to it.
 */
export function serveSite({ directory }: SiteSettings): Router {
  const root = resolve(directory);
  const indexHtml = join(root, 'index.html');
  if (!existsSync(indexHtml)) {
    throw new Error(`the site directory ${root} has no index.html: build the site first`);
  }
  const noCache = (res: express.Response) => res.setHeader('Cache-Control', 'no-cache');
  const site = Router();
  site.use((req, _res, next) => {
    const ours = (req.method === 'GET' || req.method === 'HEAD') && !ROUTER_PATHS.test(req.path);
    next(ours ? undefined : 'router');
  });
  site.use(
    '/assets',
    express.static(join(root, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      redirect: false,
      fallthrough: false,
    }),
  );
  site.use(express.static(root, { index: false, redirect: false, setHeaders: noCache }));
  site.use((req, res, next) => {
    if (FILE_PATH.test(req.path)) return next();
    noCache(res);
    res.sendFile(indexHtml);
  });
  return site;
}

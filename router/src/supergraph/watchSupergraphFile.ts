import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@play-economy/chassis/web';
import { prepareSupergraph, type PreparedSupergraph } from './prepareSupergraph.ts';

export interface WatchSupergraphFileOptions {
  /** Path of the supergraph SDL file. */
  path: string;
  logger: Logger;
  /** Reload the supergraph when the file changes. Default `true`. */
  watch?: boolean;
  /**
   * How long the file must stay quiet before a change is read, in milliseconds: writers
   * (editors, `npm run compose`, a ConfigMap swap) touch it in several steps. Default `100`.
   */
  debounceMs?: number;
  /**
   * Called with each supergraph handed to the gateway: the first one (the gateway may still
   * refuse it, and then the router does not start) and every reload the gateway accepted.
   */
  onLoad?: (supergraph: PreparedSupergraph) => void;
  /**
   * Called with each supergraph just before the gateway is given it (its `gatewaySdl`), which
   * it may still refuse: the gateway announces the schemas it loads with that SDL only.
   */
  onPrepare?: (supergraph: PreparedSupergraph) => void;
}

/**
 * A gateway `supergraphSdl` hook serving a supergraph file. Each version is passed through
 * `prepareSupergraph` first. When the file changes the new version replaces the old one; a
 * version that cannot be read, parsed or loaded is logged and the current one kept.
 */
export function watchSupergraphFile(options: WatchSupergraphFileOptions): SupergraphSdlHook {
  const { path, logger, debounceMs = 100, onLoad, onPrepare } = options;

  return async ({ update }) => {
    const initial = await readSupergraph(path);
    onLoad?.(initial);
    onPrepare?.(initial);
    if (options.watch === false) return { supergraphSdl: initial.gatewaySdl };

    let current = initial.sdl;
    let timer: NodeJS.Timeout | undefined;
    let reloading = Promise.resolve();
    let closed = false;

    const reload = async (): Promise<void> => {
      let sdl: string;
      try {
        sdl = await readFile(path, 'utf8');
      } catch (error) {
        logger.error({ err: error, path }, 'supergraph file unreadable; keeping the current one');
        return;
      }
      if (closed || sdl === current) return;
      try {
        const prepared = prepareSupergraph(sdl);
        onPrepare?.(prepared);
        // Throws when the gateway refuses the new supergraph; it then keeps the old one.
        update(prepared.gatewaySdl);
        current = sdl;
        onLoad?.(prepared);
        logger.info({ path }, 'supergraph reloaded');
      } catch (error) {
        logger.error({ err: error, path }, 'new supergraph refused; keeping the current one');
      }
    };

    // Watch the directory, not the file: writers often replace the file (write to a temporary
    // file, then rename), which ends a watch on the old inode. Any event triggers a re-read;
    // unchanged content is ignored.
    const watcher: FSWatcher = watch(dirname(path), { persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        reloading = reloading.then(reload);
      }, debounceMs);
    });
    watcher.on('error', (error) => {
      logger.error({ err: error, path }, 'watching the supergraph file failed; reloads stopped');
    });
    logger.debug({ path }, 'watching the supergraph file');

    return {
      supergraphSdl: initial.gatewaySdl,
      cleanup: async () => {
        closed = true;
        clearTimeout(timer);
        watcher.close();
        await reloading;
      },
    };
  };
}

async function readSupergraph(path: string): Promise<PreparedSupergraph> {
  let sdl: string;
  try {
    sdl = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error('cannot read the file', { cause: error });
  }
  try {
    return prepareSupergraph(sdl);
  } catch (error) {
    throw new Error('not a usable supergraph', { cause: error });
  }
}

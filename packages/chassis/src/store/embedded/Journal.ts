import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  truncateSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { JournalEntry } from './WriteUnit.ts';
import { documentCodec } from './documentCodec.ts';

/**
 * An append-only redo log: one JSON line per committed write or transaction, fsynced before
 * the write is acknowledged. Replaying it in order rebuilds the committed state.
 *
 * Limits: it is never compacted, so it grows with every write and start-up replays the whole
 * history; and one open store (so one process) must own the file at a time, which is not
 * checked.
 */
export class Journal {
  readonly #file: string;
  #handle: FileHandle | undefined;
  /** Bytes known to hold whole lines; a failed append is cut back to this length. */
  #size: number;
  #broken: Error | undefined;

  private constructor(file: string, size: number) {
    this.#file = file;
    this.#size = size;
  }

  /**
   * Opens (creating if needed) the journal at `file` and hands every committed line to
   * `replay`, oldest first. A torn last line (a crash mid-append) is discarded; damage anywhere
   * else is an error, since silently skipping it would lose committed data.
   */
  static open(file: string, replay: (entries: JournalEntry[]) => void): Journal {
    mkdirSync(dirname(file), { recursive: true });
    if (!existsSync(file)) {
      closeSync(openSync(file, 'a'));
      syncDirectory(dirname(file));
    }
    const text = readFileSync(file, 'utf8');
    let size = 0;
    const lines = text.split('\n');
    for (const [number, line] of lines.entries()) {
      const isLast = number === lines.length - 1;
      if (isLast && line === '') break;
      let entries: JournalEntry[];
      try {
        if (isLast) throw new Error('line has no terminating newline');
        entries = documentCodec.parse(line) as JournalEntry[];
      } catch (error) {
        if (isLast || lines.slice(number + 1).every((rest) => rest === '')) break;
        throw new Error(`Journal ${file} is damaged at line ${number + 1}`, { cause: error });
      }
      replay(entries);
      size += Buffer.byteLength(line, 'utf8') + 1;
    }
    if (size < Buffer.byteLength(text, 'utf8')) truncateSync(file, size);
    return new Journal(file, size);
  }

  /** Appends one line and waits until it is on stable storage. */
  async append(entries: JournalEntry[]): Promise<void> {
    if (this.#broken !== undefined) throw this.#broken;
    const line = Buffer.from(`${documentCodec.stringify(entries)}\n`, 'utf8');
    this.#handle ??= await open(this.#file, 'a');
    try {
      await this.#handle.write(line);
      await this.#handle.datasync();
      this.#size += line.length;
    } catch (error) {
      // Cut off any partial line so that later lines do not land after garbage.
      await this.#handle.truncate(this.#size).catch((truncateError: unknown) => {
        this.#broken = new Error(`Journal ${this.#file} cannot be written`, {
          cause: truncateError,
        });
      });
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.#handle?.close();
    this.#handle = undefined;
  }
}

/** Makes a newly created file's directory entry durable (not possible on every platform). */
function syncDirectory(directory: string): void {
  try {
    const descriptor = openSync(directory, 'r');
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch {
    // Windows cannot open directories; the file's own fsyncs still apply.
  }
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * What the router does with documents outside the manifest: `off` serves them, `log` serves and
 * reports them, `enforce` refuses them.
 */
export type TrustedDocumentsMode = 'off' | 'log' | 'enforce';

export interface TrustedDocumentsSettings {
  mode: TrustedDocumentsMode;
  /**
   * The manifest: a JSON object from document id (the SHA-256 of the document, in hex) to the
   * document, as GraphQL Code Generator's client preset writes it with `persistedDocuments`.
   */
  manifestPath?: string | undefined;
}

/**
 * The clients' documents the router trusts, by id. A client sends the id instead of the text
 * (`documentId`, or Apollo's `extensions.persistedQuery.sha256Hash`); a full text is trusted
 * when its SHA-256 is in the manifest, so an unchanged client that sends text keeps working.
 */
export class TrustedDocuments {
  readonly mode: TrustedDocumentsMode;
  readonly #documents: ReadonlyMap<string, string>;

  constructor(mode: TrustedDocumentsMode, documents: ReadonlyMap<string, string>) {
    this.mode = mode;
    this.#documents = documents;
  }

  /** Reads the manifest; throws naming the file when it is missing or malformed. */
  static load(settings: TrustedDocumentsSettings): TrustedDocuments {
    const { mode, manifestPath } = settings;
    if (!manifestPath) {
      if (mode !== 'off') {
        throw new Error(`trusted documents in "${mode}" mode need a manifest`);
      }
      return new TrustedDocuments(mode, new Map());
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    } catch (error) {
      throw new Error(`cannot read the trusted documents manifest ${manifestPath}`, {
        cause: error,
      });
    }
    if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
      throw new Error(`the trusted documents manifest ${manifestPath} is not a JSON object`);
    }
    const documents = new Map<string, string>();
    for (const [id, document] of Object.entries(manifest)) {
      if (typeof document !== 'string') {
        throw new Error(`the trusted documents manifest ${manifestPath}: ${id} is not a string`);
      }
      if (sha256(document) !== id) {
        throw new Error(
          `the trusted documents manifest ${manifestPath}: ${id} is not the SHA-256 of its document`,
        );
      }
      documents.set(id, document);
    }
    return new TrustedDocuments(mode, documents);
  }

  get size(): number {
    return this.#documents.size;
  }

  /** The document of an id (`<hex>` or `sha256:<hex>`), if the manifest has it. */
  documentOf(id: string): string | undefined {
    return this.#documents.get(id.startsWith('sha256:') ? id.slice('sha256:'.length) : id);
  }

  /** Whether a document text (identified by its SHA-256) is in the manifest. */
  trusts(hash: string): boolean {
    return this.#documents.has(hash);
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

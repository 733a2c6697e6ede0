import { useState } from 'react';

/** What a GraphQL connection says about the pages after the one it answered. */
export interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/** One page of a list read by cursor, as `usePages` hands it to the component that reads it. */
export interface Page {
  /** One page per cursor: the React key of the component that reads it. */
  key: string;
  /** The cursor the page is read after; null for the first page. */
  after: string | null;
  /** Whether this is the first page, where a list says that it is empty. */
  first: boolean;
  /**
   * The cursor to read the next page after: this page's `endCursor` when it is the last page
   * loaded and the API says more follow, so that only the last page offers to load more.
   */
  nextCursor(pageInfo: PageInfo): string | null;
  /** Adds the page read after `cursor`. */
  loadMore(cursor: string): void;
}

/** The pages of a list loaded so far: the first one, then one more each time one loads more. */
export function usePages(): Page[] {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const loadMore = (cursor: string) => setCursors((loaded) => [...loaded, cursor]);
  return cursors.map((after, index) => {
    const last = index === cursors.length - 1;
    return {
      key: after ?? 'first',
      after,
      first: index === 0,
      nextCursor: ({ hasNextPage, endCursor }) => (last && hasNextPage && endCursor) || null,
      loadMore,
    };
  });
}

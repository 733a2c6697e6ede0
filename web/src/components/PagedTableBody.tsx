import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import { describeError } from '../api/describeError.ts';
import type { Page, PageInfo } from '../paging/usePages.ts';
import { LoadMoreButton } from './LoadMoreButton.tsx';
import { TableMessage } from './TableMessage.tsx';

/** The part of a GraphQL connection a paged table shows. */
export interface Connection<Node> {
  totalCount: number;
  edges: readonly { node: Node }[];
  pageInfo: PageInfo;
}

export interface PagedTableBodyProps<Node> {
  /** The page this body shows, from `usePages`. */
  page: Page;
  /** How many columns the table has: messages span all of them. */
  columns: number;
  /** The page's connection from the query's data; undefined until the query has data. */
  connection: Connection<Node> | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  /** The status while the page is read, e.g. "Loading items…". */
  loading: string;
  /** The row the first page shows when the list has nothing at all. */
  empty: string;
  /** The label of the button under the last page, e.g. "Load more items". */
  loadMore: string;
  /** The row of one node, with its `key`. */
  children(node: Node): ReactNode;
}

/**
 * One page of a table read by cursor, as its own `<tbody>`: a status while it is read, the
 * refusal as an alert, the rows, and under the last page loaded a button that reads the next.
 */
export function PagedTableBody<Node>({
  page,
  columns,
  connection,
  fetching,
  error,
  loading,
  empty,
  loadMore,
  children: row,
}: PagedTableBodyProps<Node>) {
  if (error && !connection) {
    return (
      <TableMessage columns={columns} alert>
        {describeError(error)}
      </TableMessage>
    );
  }
  if (!connection)
    return fetching ? <TableMessage columns={columns}>{loading}</TableMessage> : null;
  const { edges, pageInfo, totalCount } = connection;
  const next = page.nextCursor(pageInfo);
  return (
    <tbody>
      {page.first && totalCount === 0 && (
        <tr>
          <td colSpan={columns}>{empty}</td>
        </tr>
      )}
      {edges.map(({ node }) => row(node))}
      {next && (
        <tr>
          <td colSpan={columns}>
            <LoadMoreButton onClick={() => page.loadMore(next)}>{loadMore}</LoadMoreButton>
          </td>
        </tr>
      )}
    </tbody>
  );
}

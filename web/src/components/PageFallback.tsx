import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';

export interface PageFallbackProps {
  /** The page's heading above a refusal, e.g. "Edit item". */
  heading: string;
  /** What stands under either heading, before the message: the admin navigation, say. */
  navigation?: ReactNode;
  /** The status while the page's query reads, e.g. "Loading the item…". */
  loading: string;
  /** The heading when the query answered without the thing, e.g. "Item not found". */
  notFound: string;
  /** What to say when the query answered without the thing, and where to go instead. */
  children: ReactNode;
  /** Whether the query has data (so the thing is missing from it, not yet to come). */
  answered: boolean;
  fetching: boolean;
  error: CombinedError | undefined;
}

/**
 * What a page about one thing (an item, a player) shows while its query has not given it: that
 * the thing does not exist once the query answered without it; until then, the refusal under the
 * page's heading, a status while it reads, or nothing.
 */
export function PageFallback({
  heading,
  navigation,
  loading,
  notFound,
  children,
  answered,
  fetching,
  error,
}: PageFallbackProps) {
  if (answered) {
    return (
      <>
        <h1 tabIndex={-1}>{notFound}</h1>
        {navigation}
        {children}
      </>
    );
  }
  if (error) {
    return (
      <>
        <h1 tabIndex={-1}>{heading}</h1>
        {navigation}
        <ErrorAlert error={error} />
      </>
    );
  }
  return fetching ? <p role="status">{loading}</p> : null;
}

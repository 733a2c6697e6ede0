import type { CombinedError } from '@urql/core';
import { describeError } from '../api/describeError.ts';

/** The API's refusal of a query (or the network's failure), as a sentence announced at once. */
export function ErrorAlert({ error }: { error: CombinedError }) {
  return (
    <p className="error" role="alert">
      {describeError(error)}
    </p>
  );
}

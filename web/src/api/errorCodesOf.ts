import type { CombinedError } from '@urql/core';

/** The `extensions.code` of every GraphQL error in `error`. */
export function errorCodesOf(error: CombinedError | undefined): string[] {
  return (error?.graphQLErrors ?? []).flatMap((graphQLError) => {
    const code = graphQLError.extensions['code'];
    return typeof code === 'string' ? [code] : [];
  });
}

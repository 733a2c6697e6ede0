import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { WITHOUT_TOKEN } from '../api/createStoreClient.ts';
import { describeError } from '../api/describeError.ts';
import { SignInDocument } from '../api/sessionOperations.ts';
import { useStore } from '../api/StoreContext.ts';
import { Link } from '../routing/Link.tsx';
import { navigate } from '../routing/useLocation.ts';
import { safeReturnPath } from './safeReturnPath.ts';

export function SignInPage({ returnTo }: { returnTo: string | null }) {
  const { session } = useStore();
  const [{ fetching }, signIn] = useMutation(SignInDocument);
  const [problem, setProblem] = useState<string>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await signIn(
      {
        input: {
          usernameOrEmail: String(form.get('usernameOrEmail') ?? ''),
          password: String(form.get('password') ?? ''),
        },
      },
      WITHOUT_TOKEN,
    );
    if (result.data) {
      session.begin(result.data.login);
      navigate(safeReturnPath(returnTo), { replace: true });
    } else if (result.error) {
      setProblem(
        describeError(result.error, {
          UNAUTHENTICATED: 'That username or password is not right.',
        }),
      );
    }
  };
  const signUp = returnTo ? `/sign-up?returnTo=${encodeURIComponent(returnTo)}` : '/sign-up';
  return (
    <>
      <h1 tabIndex={-1}>Sign in</h1>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <label htmlFor="usernameOrEmail">Username or email</label>
        <input id="usernameOrEmail" name="usernameOrEmail" autoComplete="username" required />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={fetching}>
          {fetching ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New here? <Link href={signUp}>Create an account</Link>
      </p>
    </>
  );
}

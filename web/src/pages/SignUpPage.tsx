import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { WITHOUT_TOKEN } from '../api/createStoreClient.ts';
import { describeError } from '../api/describeError.ts';
import { SignUpDocument } from '../api/sessionOperations.ts';
import { useStore } from '../api/StoreContext.ts';
import { Link } from '../routing/Link.tsx';
import { navigate } from '../routing/useLocation.ts';
import { safeReturnPath } from './safeReturnPath.ts';

export function SignUpPage({ returnTo }: { returnTo: string | null }) {
  const { session } = useStore();
  const [{ fetching }, register] = useMutation(SignUpDocument);
  const [problem, setProblem] = useState<string>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await register(
      {
        input: {
          username: String(form.get('username') ?? ''),
          email: String(form.get('email') ?? ''),
          password: String(form.get('password') ?? ''),
        },
      },
      WITHOUT_TOKEN,
    );
    if (result.data) {
      session.begin(result.data.register);
      navigate(safeReturnPath(returnTo), { replace: true });
    } else if (result.error) {
      setProblem(
        describeError(result.error, {
          CONFLICT: 'That username or email already has an account. Sign in instead?',
        }),
      );
    }
  };
  const signIn = returnTo ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/sign-in';
  return (
    <>
      <h1 tabIndex={-1}>Create an account</h1>
      <p>New players start with a purse of gil to spend.</p>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <label htmlFor="username">Username</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          minLength={3}
          maxLength={32}
          aria-describedby="username-rule"
        />
        <p id="username-rule" className="hint">
          3 to 32 letters, digits, “_”, “.” or “-”.
        </p>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          maxLength={200}
          aria-describedby="password-rule"
        />
        <p id="password-rule" className="hint">
          At least 10 characters.
        </p>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={fetching}>
          {fetching ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link href={signIn}>Sign in</Link>
      </p>
    </>
  );
}

import { emailRequestSchema } from '@shortlist/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { authApi } from '../api/auth';
import { AuthLayout } from '../components/AuthLayout';
import { Alert, Button, Spinner, TextField } from '../components/ui';
import { useAuth } from '../hooks/auth-context';
import { fieldErrors } from '../lib/validation';

type VerifyState =
  | { kind: 'verifying' }
  | { kind: 'verified'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'no-token' };

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const { user, refreshUser } = useAuth();
  const [state, setState] = useState<VerifyState>(token ? { kind: 'verifying' } : { kind: 'no-token' });
  // React StrictMode runs effects twice in development; a verification token must be posted once.
  const postedToken = useRef<string | null>(null);

  useEffect(() => {
    if (!token || postedToken.current === token) {
      return;
    }
    postedToken.current = token;
    authApi
      .verify(token)
      .then(({ message }) => {
        setState({ kind: 'verified', message: message || 'Your email is verified.' });
        void refreshUser();
      })
      .catch((error: unknown) => {
        setState({
          kind: 'failed',
          message: error instanceof Error ? error.message : 'This link is not valid.',
        });
      });
  }, [token, refreshUser]);

  return (
    <AuthLayout title="Verify your email">
      {state.kind === 'verifying' ? (
        <div className="flex justify-center py-6 text-indigo-600">
          <Spinner label="Checking your link…" />
        </div>
      ) : null}
      {state.kind === 'verified' ? (
        <div className="space-y-5">
          <Alert tone="success">{state.message}</Alert>
          <Link
            to={user ? '/jobs' : '/login'}
            className="inline-flex w-full justify-center rounded-lg bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
          >
            {user ? 'Go to your jobs' : 'Continue to log in'}
          </Link>
        </div>
      ) : null}
      {state.kind === 'failed' ? (
        <div className="space-y-5">
          <Alert tone="error">{state.message} Links expire; request a new one below.</Alert>
          <ResendForm defaultEmail={params.get('email') ?? user?.email ?? ''} />
        </div>
      ) : null}
      {state.kind === 'no-token' ? (
        <div className="space-y-5">
          <p className="text-sm text-slate-600">Enter your email and we'll send a fresh verification link.</p>
          <ResendForm defaultEmail={params.get('email') ?? user?.email ?? ''} />
        </div>
      ) : null}
    </AuthLayout>
  );
}

function ResendForm({ defaultEmail }: { defaultEmail: string }) {
  const [email, setEmail] = useState(defaultEmail);
  const [error, setError] = useState<string | undefined>();
  const [isBusy, setIsBusy] = useState(false);
  const [isSent, setIsSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = emailRequestSchema.safeParse({ email });
    if (!parsed.success) {
      setError(fieldErrors(parsed.error).email);
      return;
    }
    setError(undefined);
    setIsBusy(true);
    try {
      await authApi.resendVerification(parsed.data.email);
      setIsSent(true);
    } catch {
      // toasted by the client
    } finally {
      setIsBusy(false);
    }
  };

  if (isSent) {
    return <Alert tone="success">If that address has an unverified account, a new link is on its way.</Alert>;
  }
  return (
    <form className="space-y-4" noValidate onSubmit={(event) => void submit(event)}>
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        value={email}
        error={error}
        onChange={(event) => setEmail(event.target.value)}
      />
      <Button type="submit" className="w-full" isBusy={isBusy}>
        Resend verification email
      </Button>
    </form>
  );
}

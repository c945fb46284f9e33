import { emailRequestSchema } from '@shortlist/contracts';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { authApi } from '../api/auth';
import { AuthLayout } from '../components/AuthLayout';
import { Alert, Button, TextField } from '../components/ui';
import { fieldErrors } from '../lib/validation';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
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
      await authApi.forgotPassword(parsed.data.email);
      setIsSent(true);
    } catch {
      // toasted by the client
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <AuthLayout
      title="Reset your password"
      subtitle="We'll email you a link to choose a new one."
      footer={
        <Link className="font-semibold text-indigo-600 hover:text-indigo-500" to="/login">
          Back to log in
        </Link>
      }
    >
      {isSent ? (
        <Alert tone="success">
          If an account uses that address, a reset link is on its way. It expires soon, so use it today.
        </Alert>
      ) : (
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
            Send reset link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}

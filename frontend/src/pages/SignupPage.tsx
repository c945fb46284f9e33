import { signupRequestSchema } from '@shortlist/contracts';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { authApi } from '../api/auth';
import { AuthLayout } from '../components/AuthLayout';
import { Alert, Button, TextField } from '../components/ui';
import { fieldErrors } from '../lib/validation';

export function SignupPage() {
  const [values, setValues] = useState({ username: '', email: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setIsBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = signupRequestSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setIsBusy(true);
    try {
      await authApi.signup(parsed.data);
      setSentTo(parsed.data.email);
    } catch {
      // toasted by the client
    } finally {
      setIsBusy(false);
    }
  };

  if (sentTo) {
    return (
      <AuthLayout
        title="Check your inbox"
        footer={
          <Link className="font-semibold text-indigo-600 hover:text-indigo-500" to="/login">
            Go to log in
          </Link>
        }
      >
        <Alert tone="success">
          We sent a verification link to <strong>{sentTo}</strong>. Open it to activate your account, then log
          in.
        </Alert>
        <p className="mt-4 text-sm text-slate-500">
          No email?{' '}
          <Link
            className="font-semibold text-indigo-600"
            to={`/verify-email?email=${encodeURIComponent(sentTo)}`}
          >
            Send it again
          </Link>
          .
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Create your account"
      subtitle="50 resumes free. No card needed."
      footer={
        <>
          Already have an account?{' '}
          <Link className="font-semibold text-indigo-600 hover:text-indigo-500" to="/login">
            Log in
          </Link>
        </>
      }
    >
      <form className="space-y-4" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label="Username"
          name="username"
          autoComplete="username"
          value={values.username}
          error={errors.username}
          onChange={(event) => setValues({ ...values, username: event.target.value })}
        />
        <TextField
          label="Work email"
          name="email"
          type="email"
          autoComplete="email"
          value={values.email}
          error={errors.email}
          onChange={(event) => setValues({ ...values, email: event.target.value })}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          error={errors.password}
          hint="At least 8 characters."
          onChange={(event) => setValues({ ...values, password: event.target.value })}
        />
        <Button type="submit" className="w-full" isBusy={isBusy}>
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}

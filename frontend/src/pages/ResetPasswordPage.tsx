import { resetPasswordRequestSchema } from '@shortlist/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { authApi } from '../api/auth';
import { AuthLayout } from '../components/AuthLayout';
import { Alert, Button, TextField } from '../components/ui';
import { fieldErrors } from '../lib/validation';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setIsBusy] = useState(false);
  const [isDone, setIsDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = resetPasswordRequestSchema.safeParse({ token, password });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    if (password !== confirm) {
      setErrors({ confirm: 'The passwords do not match' });
      return;
    }
    setErrors({});
    setIsBusy(true);
    try {
      await authApi.resetPassword(parsed.data.token, parsed.data.password);
      setIsDone(true);
    } catch {
      // toasted by the client
    } finally {
      setIsBusy(false);
    }
  };

  if (!token) {
    return (
      <AuthLayout title="Reset your password">
        <Alert tone="error">This reset link is incomplete. Request a new one.</Alert>
        <Link className="mt-4 inline-block text-sm font-semibold text-indigo-600" to="/forgot-password">
          Request a new link
        </Link>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Choose a new password">
      {isDone ? (
        <div className="space-y-5">
          <Alert tone="success">Your password has been changed.</Alert>
          <Link
            to="/login"
            className="inline-flex w-full justify-center rounded-lg bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
          >
            Log in
          </Link>
        </div>
      ) : (
        <form className="space-y-4" noValidate onSubmit={(event) => void submit(event)}>
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            value={password}
            error={errors.password ?? errors.token}
            hint="At least 8 characters."
            onChange={(event) => setPassword(event.target.value)}
          />
          <TextField
            label="Repeat new password"
            type="password"
            autoComplete="new-password"
            value={confirm}
            error={errors.confirm}
            onChange={(event) => setConfirm(event.target.value)}
          />
          <Button type="submit" className="w-full" isBusy={isBusy}>
            Save new password
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}

import { loginRequestSchema } from '@shortlist/contracts';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { authApi } from '../api/auth';
import { AuthLayout } from '../components/AuthLayout';
import { Button, TextField } from '../components/ui';
import { useAuth } from '../hooks/auth-context';
import { fieldErrors } from '../lib/validation';

export function LoginPage() {
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setIsBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/jobs';

  if (user) {
    return <Navigate to={from} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const id = identifier.trim();
    const candidate = id.includes('@') ? { email: id, password } : { username: id, password };
    const parsed = loginRequestSchema.safeParse(candidate);
    if (!parsed.success) {
      const found = fieldErrors(parsed.error);
      setErrors({
        identifier: found._form ?? found.email ?? found.username ?? '',
        password: found.password ?? '',
      });
      return;
    }
    setErrors({});
    setIsBusy(true);
    try {
      const { token, user: signedIn } = await authApi.login(parsed.data);
      // A failed attempt's toast belongs to this page, not the next one.
      toast.dismiss();
      signIn(token, signedIn);
      void navigate(from, { replace: true });
    } catch {
      // toasted by the client
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <AuthLayout
      title="Log in to Shortlist"
      subtitle="Screen a pile of resumes in minutes."
      footer={
        <>
          New here?{' '}
          <Link className="font-semibold text-indigo-600 hover:text-indigo-500" to="/signup">
            Create an account
          </Link>
        </>
      }
    >
      <form className="space-y-4" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label="Email or username"
          name="identifier"
          autoComplete="username"
          value={identifier}
          error={errors.identifier || undefined}
          onChange={(event) => setIdentifier(event.target.value)}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          error={errors.password || undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="flex justify-end">
          <Link to="/forgot-password" className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Forgot password?
          </Link>
        </div>
        <Button type="submit" className="w-full" isBusy={isBusy}>
          Log in
        </Button>
      </form>
    </AuthLayout>
  );
}

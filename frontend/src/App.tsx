import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Toaster } from 'sonner';
import { setSessionExpiredHandler } from './api/client';
import { AppLayout } from './components/AppLayout';
import { PageLoading } from './components/ui';
import { AuthProvider } from './hooks/AuthProvider';
import { useAuth } from './hooks/auth-context';
import { BillingPage } from './pages/BillingPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { JobsPage } from './pages/JobsPage';
import { LoginPage } from './pages/LoginPage';
import { NewJobPage } from './pages/NewJobPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { SignupPage } from './pages/SignupPage';
import { VerifyEmailPage } from './pages/VerifyEmailPage';

// chart.js and the table are only needed on the dashboard; keep them out of the first load.
const DashboardPage = lazy(() =>
  import('./pages/DashboardPage').then((module) => ({ default: module.DashboardPage })),
);
const ComparePage = lazy(() => import('./pages/ComparePage').then((module) => ({ default: module.ComparePage })));

function RequireAuth() {
  const { user, isLoading } = useAuth();
  const location = useLocation();
  if (isLoading) {
    return <PageLoading />;
  }
  if (!user) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <Outlet />;
}

function Home() {
  const { user, isLoading } = useAuth();
  if (isLoading) {
    return <PageLoading />;
  }
  return <Navigate to={user ? '/jobs' : '/login'} replace />;
}

/** Lets the API client send an expired session to /login through the router (no full reload). */
function SessionExpiryBridge() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    setSessionExpiredHandler(() => {
      if (location.pathname !== '/login') {
        void navigate('/login', { replace: true, state: { from: `${location.pathname}${location.search}` } });
      }
    });
  }, [navigate, location]);
  return null;
}

export function App() {
  return (
    <AuthProvider>
      <SessionExpiryBridge />
      <Toaster richColors closeButton position="top-right" toastOptions={{ duration: 6000 }} />
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/signup" element={<SignupPage />} />
        <Route path="/verify-email" element={<VerifyEmailPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route element={<RequireAuth />}>
          <Route element={<AppLayout />}>
            <Route path="/jobs" element={<JobsPage />} />
            <Route path="/jobs/new" element={<NewJobPage />} />
            <Route
              path="/jobs/:id"
              element={
                <Suspense fallback={<PageLoading label="Loading dashboard…" />}>
                  <DashboardPage />
                </Suspense>
              }
            />
            <Route
              path="/jobs/:id/compare"
              element={
                <Suspense fallback={<PageLoading label="Loading…" />}>
                  <ComparePage />
                </Suspense>
              }
            />
            <Route path="/billing" element={<BillingPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AuthProvider>
  );
}

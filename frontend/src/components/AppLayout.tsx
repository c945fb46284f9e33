import { useState } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useAuth } from '../hooks/auth-context';
import { useHealth } from '../hooks/useHealth';
import { formatInteger } from '../lib/format';
import { HealthBanner } from './HealthBanner';
import { Logo } from './Logo';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-medium transition-colors ${
    isActive ? 'bg-indigo-50 text-indigo-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
  }`;

export function AppLayout() {
  const { user, signOut } = useAuth();
  const health = useHealth();
  const navigate = useNavigate();
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  const credits = user ? user.free_trial_remaining + user.paid_credits : null;

  const logOut = () => {
    signOut();
    void navigate('/login');
  };

  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <HealthBanner health={health} />
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-[1400px] items-center justify-between gap-4 px-4 sm:px-6">
          <div className="flex items-center gap-6">
            <NavLink to="/jobs" aria-label="Shortlist home">
              <Logo />
            </NavLink>
            <nav aria-label="Main" className="hidden items-center gap-1 md:flex">
              <NavLink to="/jobs" end className={navClass}>
                Jobs
              </NavLink>
              <NavLink to="/jobs/new" className={navClass}>
                New job
              </NavLink>
              <NavLink to="/billing" className={navClass}>
                Billing
              </NavLink>
            </nav>
          </div>
          <div className="hidden items-center gap-3 md:flex">
            {credits !== null ? (
              <NavLink
                to="/billing"
                className="rounded-full bg-slate-100 px-3 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-200"
                title="Free trial + paid credits; one credit per processed resume"
              >
                {formatInteger(credits)} credits
              </NavLink>
            ) : null}
            <span className="max-w-[12rem] truncate text-sm text-slate-500">{user?.username}</span>
            <button
              type="button"
              onClick={logOut}
              className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              Log out
            </button>
          </div>
          <button
            type="button"
            className="rounded-md p-2 text-slate-600 hover:bg-slate-100 md:hidden"
            aria-expanded={isMenuOpen}
            aria-controls="mobile-nav"
            aria-label="Menu"
            onClick={() => setIsMenuOpen((open) => !open)}
          >
            <svg
              viewBox="0 0 24 24"
              className="size-6"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              aria-hidden="true"
            >
              <path d="M4 6h16M4 12h16M4 18h16" strokeLinecap="round" />
            </svg>
          </button>
        </div>
        {isMenuOpen ? (
          <nav
            id="mobile-nav"
            aria-label="Mobile"
            className="flex flex-col gap-1 border-t border-slate-100 px-4 py-3 md:hidden"
          >
            <NavLink to="/jobs" end className={navClass} onClick={() => setIsMenuOpen(false)}>
              Jobs
            </NavLink>
            <NavLink to="/jobs/new" className={navClass} onClick={() => setIsMenuOpen(false)}>
              New job
            </NavLink>
            <NavLink to="/billing" className={navClass} onClick={() => setIsMenuOpen(false)}>
              Billing {credits !== null ? `· ${formatInteger(credits)} credits` : ''}
            </NavLink>
            <button
              type="button"
              onClick={logOut}
              className="rounded-md px-3 py-2 text-left text-sm font-medium text-slate-600 hover:bg-slate-100"
            >
              Log out ({user?.username})
            </button>
          </nav>
        ) : null}
      </header>
      {user && !user.is_verified ? <VerifyReminder email={user.email} /> : null}
      <main id="main" className="mx-auto max-w-[1400px] px-3 py-4 sm:px-6 sm:py-8">
        <Outlet />
      </main>
    </div>
  );
}

function VerifyReminder({ email }: { email: string }) {
  return (
    <div className="border-b border-sky-200 bg-sky-50 px-4 py-2 text-center text-sm text-sky-900">
      Please verify your email ({email}) before uploading resumes.{' '}
      <NavLink to={`/verify-email?email=${encodeURIComponent(email)}`} className="font-semibold underline">
        Resend the link
      </NavLink>
    </div>
  );
}

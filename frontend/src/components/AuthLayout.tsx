import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useHealth } from '../hooks/useHealth';
import { HealthBanner } from './HealthBanner';
import { Logo } from './Logo';

export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const health = useHealth();
  return (
    <div className="flex min-h-screen flex-col">
      <HealthBanner health={health} />
      <main className="flex flex-1 flex-col items-center justify-center px-4 py-10">
        <Link to="/" className="mb-8" aria-label="Shortlist home">
          <Logo className="text-xl" />
        </Link>
        <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
          {subtitle ? <p className="mt-1 text-sm text-slate-500">{subtitle}</p> : null}
          <div className="mt-6">{children}</div>
        </div>
        {footer ? <div className="mt-6 text-sm text-slate-600">{footer}</div> : null}
      </main>
    </div>
  );
}

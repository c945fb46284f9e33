import { Link } from 'react-router-dom';
import { EmptyState } from '../components/ui';
import { CompassIcon } from '../components/icons';

export function NotFoundPage() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <EmptyState
        icon={<CompassIcon className="size-6" />}
        headingLevel={1}
        title="Page not found"
        action={
          <Link
            to="/"
            className="inline-flex rounded-lg bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
          >
            Go home
          </Link>
        }
      >
        The page you're looking for doesn't exist.
      </EmptyState>
    </main>
  );
}

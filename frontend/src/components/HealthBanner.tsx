import type { Health } from '../api/health';

export function HealthBanner({ health }: { health: Health | null }) {
  if (!health || health.semantic_model_available) {
    return null;
  }
  return (
    <div
      role="status"
      className="border-b border-amber-200 bg-amber-50 px-3 py-1 text-center text-xs text-amber-900 sm:px-4 sm:py-2 sm:text-sm"
    >
      <strong className="font-semibold">Semantic matching model not loaded</strong> — scores use keyword
      similarity only.
    </div>
  );
}

import type { Health } from '../api/health';

export function HealthBanner({ health }: { health: Health | null }) {
  if (!health || health.semantic_model_available) {
    return null;
  }
  return (
    <div
      role="status"
      className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900"
    >
      <strong className="font-semibold">Semantic matching model not loaded</strong> — scores use keyword
      similarity only.
    </div>
  );
}

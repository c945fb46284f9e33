import { useEffect, useState } from 'react';
import { healthApi, type Health } from '../api/health';

/** The server's health once per page load; null until it answers (or if it never does). */
export function useHealth(): Health | null {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    let isCurrent = true;
    healthApi
      .get()
      .then((value) => {
        if (isCurrent) {
          setHealth(value);
        }
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, []);
  return health;
}

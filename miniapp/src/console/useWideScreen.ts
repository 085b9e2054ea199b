import { useEffect, useState } from 'react';

/** The desktop console's threshold: at this width and wider the H5 build shows the shell, below it the tabs. */
export const WIDE_QUERY = '(min-width: 1024px)';

/** Whether the window is desktop-wide now (false outside a browser). */
export function isWideScreen(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(WIDE_QUERY).matches;
}

/** Whether the browser window is desktop-wide, following resizes. */
export function useWideScreen(): boolean {
  const [wide, setWide] = useState(isWideScreen);
  useEffect(() => {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia(WIDE_QUERY);
    const update = () => setWide(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return wide;
}

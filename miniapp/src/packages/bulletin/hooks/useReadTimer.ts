import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/**
 * Counts the seconds an article is actually on screen and calls `onDue` once when they reach
 * `secondsToRead` (the server's read rule). Hidden time does not count: the page going to the
 * background (WeChat onHide, another page on top) or, in a browser, the tab being hidden pauses it.
 * A new `articleId` starts over; `enabled: false` (already read, a preview) counts nothing.
 */
export function useReadTimer(options: {
  articleId: number | null;
  secondsToRead: number;
  enabled: boolean;
  onDue: (seconds: number) => void;
}) {
  const { articleId, secondsToRead, enabled } = options;
  const onDue = useRef(options.onDue);
  onDue.current = options.onDue;
  const pageShown = useRef(true);

  useDidShow(() => {
    pageShown.current = true;
  });
  useDidHide(() => {
    pageShown.current = false;
  });

  useEffect(() => {
    if (!enabled || articleId === null) return undefined;
    let seconds = 0;
    const timer = setInterval(() => {
      if (!pageShown.current || documentHidden()) return;
      seconds += 1;
      if (seconds >= secondsToRead) {
        clearInterval(timer);
        onDue.current(seconds);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [articleId, secondsToRead, enabled]);
}

/** A browser tab in the background (H5 only; WeChat reports it as onHide). */
function documentHidden(): boolean {
  return process.env.TARO_ENV === 'h5' && typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

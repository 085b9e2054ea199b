import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

const PREFIX = 'zj.draft.';

function read<T>(key: string): T | null {
  try {
    const stored: unknown = Taro.getStorageSync(PREFIX + key);
    return stored === '' || stored === undefined || stored === null ? null : (stored as T);
  } catch {
    return null;
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface LocalDraft<T> {
  value: T;
  set(change: (current: T) => T): void;
  /** The page opened with content typed earlier and never saved (show 已恢复未保存的内容). */
  restored: boolean;
  /** What is typed differs from what is saved. */
  dirty: boolean;
  /** Back to what is saved, dropping the kept copy. */
  discard(): void;
}

/**
 * Form content typed but not yet saved, kept on this device under `key` so leaving the page (or the
 * app being closed) loses nothing; the kept copy goes once what is typed equals what is saved.
 * While there are unsaved changes, leaving warns where the platform allows: the mini-program's
 * back button (enableAlertBeforeUnload), and closing or reloading the browser tab in H5.
 */
export function useLocalDraft<T>(
  key: string,
  saved: T,
  { enabled = true, warning }: { enabled?: boolean; warning: string },
): LocalDraft<T> {
  const [restoredValue] = useState(() => {
    if (!enabled) return null;
    const kept = read<T>(key);
    return kept !== null && !same(kept, saved) ? kept : null;
  });
  const [value, setValue] = useState<T>(restoredValue ?? saved);
  const [restored, setRestored] = useState(restoredValue !== null);
  const dirty = enabled && !same(value, saved);

  useEffect(() => {
    try {
      if (dirty) Taro.setStorageSync(PREFIX + key, value);
      else Taro.removeStorageSync(PREFIX + key);
    } catch {
      // Storage full or unavailable: the form still works, only the kept copy is lost.
    }
  }, [key, dirty, value]);

  useEffect(() => {
    if (!dirty) return undefined;
    if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
      const warn = (event: BeforeUnloadEvent) => {
        event.preventDefault();
        event.returnValue = '';
      };
      window.addEventListener('beforeunload', warn);
      return () => window.removeEventListener('beforeunload', warn);
    }
    if (process.env.TARO_ENV === 'weapp' && Taro.canIUse('enableAlertBeforeUnload')) {
      void Taro.enableAlertBeforeUnload({ message: warning });
      return () => void Taro.disableAlertBeforeUnload();
    }
    return undefined;
  }, [dirty, warning]);

  return {
    value,
    set: (change) => setValue(change),
    restored: restored && dirty,
    dirty,
    discard: () => {
      setValue(saved);
      setRestored(false);
    },
  };
}

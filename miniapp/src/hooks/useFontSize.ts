import { fontSizeStore } from '../services/fontSize';
import { useStore } from './useStore';

export function useFontSize(): number {
  return useStore(fontSizeStore);
}

import { Photo } from '../Photo';

/**
 * An uploaded image at a members-only `src` (the page says where, e.g. `entryFileUrl(id)`): a
 * thumbnail that fills its box without stretching and opens large on a tap (components/Photo).
 */
export function AuthedImage({ src, className, label }: { src: string; className?: string; label?: string }) {
  return <Photo src={src} className={className} label={label} fit="cover" />;
}

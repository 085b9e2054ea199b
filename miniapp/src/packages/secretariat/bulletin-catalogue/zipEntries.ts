import type { PickedFile } from '../services/pickFile';
import type { ZipItem } from './expandZip';
import { isZip, type ZipLimits } from './zipDirectory';

// The zip code (and fflate) is fetched on first use, and only in the H5 build: WeChat never gets it.
const loadExpandZip =
  process.env.TARO_ENV === 'h5'
    ? () => import(/* webpackChunkName: "expand-zip" */ './expandZip').then((module) => module.expandZip)
    : null;

/**
 * The picked files with every .zip of a folder (told by its first bytes, not its name) replaced by
 * the newsletters inside it. Browser only: a file picked in WeChat has no bytes in hand, and a zip
 * is not offered there.
 */
export async function withZipEntries(picked: readonly PickedFile[], limits: Partial<ZipLimits> = {}): Promise<ZipItem[]> {
  const items: ZipItem[] = [];
  for (const file of picked) {
    const blob = file.file;
    if (!loadExpandZip || !blob || !isZip(new Uint8Array(await blob.slice(0, 4).arrayBuffer()))) {
      items.push({ file });
      continue;
    }
    const expandZip = await loadExpandZip();
    items.push(...(await expandZip(file, blob, limits)));
  }
  return items;
}

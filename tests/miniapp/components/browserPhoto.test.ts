import { describe, expect, it } from 'vitest';
import { fitWithin, LONGEST_EDGE, shrinkInBrowser, SHRINK_ABOVE_BYTES } from '../../../miniapp/src/services/browserPhoto';

// The canvas path itself runs in Debian chromium: tests/e2e/submissions.test.ts uploads a photo
// over the server's 5 MB limit, which only gets through shrunk.
describe('fitWithin', () => {
  it('scales the longest edge down to the limit and keeps the aspect ratio', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: LONGEST_EDGE, height: 1536 });
    expect(fitWithin(3000, 4000, 2000)).toEqual({ width: 1500, height: 2000 });
  });

  it('never enlarges a small photo and never reaches zero', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(20000, 1)).toEqual({ width: LONGEST_EDGE, height: 1 });
  });
});

describe('shrinkInBrowser', () => {
  it('leaves a photo under the threshold as picked', async () => {
    const file = { path: 'blob:small', size: SHRINK_ABOVE_BYTES, name: 'a.png' };
    expect(await shrinkInBrowser(file)).toBe(file);
  });

  it('keeps the original when the browser cannot decode it (the server still checks it)', async () => {
    const file = { path: 'blob:does-not-exist', size: SHRINK_ABOVE_BYTES + 1, name: 'a.heic' };
    expect(await shrinkInBrowser(file)).toBe(file);
  });
});

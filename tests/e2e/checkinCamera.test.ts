import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM, LAUNCH_ARGS, phonePage, screenshot, settled, tab, useServedH5, visible } from './browser';

/**
 * 签到 in a phone browser with its camera: chromium's fake camera plays a video of the organiser's
 * QR code (made from the code the organiser's page shows, with `qrcode` and ffmpeg), the member
 * taps 扫码签到 and is checked in without typing anything — jsQR reads the frames in the page.
 */
const h5 = useServedH5();
const workDir = mkdtempSync(path.join(os.tmpdir(), 'zhijian-camera-'));
const video = path.join(workDir, 'qr.y4m');
let cameraBrowser: Browser | undefined;

afterAll(async () => {
  await cameraBrowser?.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** A few seconds of the QR code as a Y4M video, the format chromium's fake camera plays in a loop. */
async function qrVideo(token: string): Promise<void> {
  const png = path.join(workDir, 'qr.png');
  await QRCode.toFile(png, token, { errorCorrectionLevel: 'M', margin: 4, width: 360 });
  execFileSync('ffmpeg', [
    '-y',
    '-loglevel',
    'error',
    '-loop',
    '1',
    '-i',
    png,
    '-vf',
    'pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p',
    '-t',
    '2',
    '-r',
    '10',
    video,
  ]);
}

describe('签到 with the phone browser’s camera', () => {
  it('reads the organiser’s QR code from the camera and checks the member in', async () => {
    const organiser = await phonePage(h5.browser);
    await h5.signIn(organiser.page, '党务工作者（演示单位）');
    await tab(organiser.page, '我的').click();
    await organiser.page.getByText('活动签到', { exact: true }).click();
    await organiser.page.waitForURL(/#\/packages\/checkin-admin\/desk\/index/);
    const open = organiser.page.locator('.zj-activity--checkin_open:visible').filter({ hasText: '签到进行中' });
    await visible(open);
    await open.getByText(/^(开启签到|签到码)$/).click();
    const codeText = organiser.page.locator('.zj-code__text:visible');
    await visible(codeText);

    // The member's browser has a (fake) camera, and the camera permission granted.
    cameraBrowser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        ...LAUNCH_ARGS,
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    const member = await phonePage(cameraBrowser);
    await member.page.context().grantPermissions(['camera']);
    await h5.signIn(member.page, '党员（演示单位）');
    await tab(member.page, '签到').click();
    await member.page.waitForURL(/#\/pages\/checkin\/index/);
    await visible(member.page.getByText('我的活动', { exact: true }));
    await settled(member.page);

    // The video is made from the code on the organiser's screen right now (valid for this slot and the next).
    await qrVideo((await codeText.textContent())!.trim());
    const requests: string[] = [];
    member.page.on('requestfailed', (request) => requests.push(`${request.failure()?.errorText} ${request.url()}`));
    await member.page
      .locator('.zj-scan .zj-button:visible')
      .filter({ hasText: /^扫码签到$/ })
      .click();
    await visible(member.page.getByText(/^签到成功/).first(), 30_000);
    await screenshot(member.page, 'checkin-camera-success');
    await expect(member.page.locator('video').count()).resolves.toBe(0);
    expect(member.errors).toEqual([]);
    expect(organiser.errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});

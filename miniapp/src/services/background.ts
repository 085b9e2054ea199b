import { refreshOfflineLibrary, offlineStore } from './offlineLibrary';
import { flushOutbox, startOutbox } from './outbox';
import { onNetworkBack } from './network';

/**
 * The app's work in the background: the outbox that sends writes made offline, and the offline
 * copies of the latest 简报. `app.tsx` reaches it through `loadBackground()`, which in H5 loads this
 * module (and the contracts it sends to) only after the first screen is drawn.
 */

/** The offline copies are refreshed at most this often on their own (ETags make a refresh cheap, not free). */
const LIBRARY_REFRESH_MS = 10 * 60 * 1000;

function refreshLibraryIfDue(): void {
  const refreshedAt = offlineStore.get()?.refreshedAt ?? 0;
  if (Date.now() - refreshedAt > LIBRARY_REFRESH_MS) void refreshOfflineLibrary().catch(() => undefined);
}

let started = false;

/** Once per run of the app: send what waits, and refresh the offline copies when the network returns. */
export function startBackground(): void {
  if (started) return;
  started = true;
  startOutbox();
  onNetworkBack(refreshLibraryIfDue);
}

/** Signed in (or another member now): download what to read offline, send what waited for them. */
export function onMemberSignedIn(): void {
  void refreshOfflineLibrary().catch(() => undefined);
  void flushOutbox();
}

/** Back from the background, with a fresh token: send what waits, bring the offline copies up to date. */
export function onAppShown(): void {
  void flushOutbox();
  refreshLibraryIfDue();
}

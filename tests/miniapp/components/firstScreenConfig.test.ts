import { readFileSync } from 'node:fs';
import path from 'node:path';
import { api } from '@zhijian/shared';
import { describe, expect, it } from 'vitest';
import { inlineLinkedStyles, pageTags, SIGN_IN_PATH, withSplashConfig } from '../../../miniapp/config/h5FirstScreen';
import * as storage from '../../../miniapp/src/services/storageKeys';

const splashSource = readFileSync(path.resolve(import.meta.dirname, '../../../miniapp/src/splash.js'), 'utf8');
const config = {
  sessionKey: storage.SESSION_KEY,
  fontSizeKey: storage.FONT_SIZE_KEY,
  privacyAgreedKey: storage.PRIVACY_AGREED_KEY,
  privacyVersion: storage.PRIVACY_VERSION,
  signInUrl: `https://api.example.cn${SIGN_IN_PATH}`,
  page: 'pages/signin/index',
};

describe('index.html’s sign-in form, as the build writes it (issue 21)', () => {
  it('signs in where the app does', () => {
    expect(SIGN_IN_PATH).toBe(api.auth.password.path);
    expect(api.auth.password.method).toBe('POST');
  });

  it('gets the app’s storage keys, privacy version and sign-in URL in place of its defaults', () => {
    const script = withSplashConfig(splashSource, config);
    const filled = JSON.parse(/\/\* zj:first-screen-config \*\/ (\{[^}]*\})/.exec(script)![1]!) as unknown;
    expect(filled).toEqual(config);
    // Only the settings change: the rest of the script is as written.
    expect(script.replace(/\/\* zj:first-screen-config \*\/ \{[^}]*\}/, '')).toBe(
      splashSource.replace(/\/\* zj:first-screen-config \*\/ \{[^}]*\}/, ''),
    );
  });

  it('refuses a script that lost its settings mark (the build would ship defaults)', () => {
    expect(() => withSplashConfig(splashSource.replace('zj:first-screen-config', 'settings'), config)).toThrow(/first-screen-config/);
  });

  it('puts the page’s stylesheets in line, marked for the chunk loader, and preloads its scripts', () => {
    const cssOf = (file: string) => `/* ${file} */.a{color:red}`;
    expect(pageTags(['js/1.abc.js', 'css/1.def.css', 'js/1.abc.js.map'], '/', cssOf)).toBe(
      '<link rel="preload" href="/js/1.abc.js" as="script"><style data-href="/css/1.def.css">/* css/1.def.css */.a{color:red}</style>',
    );
    expect(
      inlineLinkedStyles('<head><link href="/css/app.1.css" rel="stylesheet"><link rel="icon" href="data:,"></head>', '/', cssOf),
    ).toBe('<head><style data-href="/css/app.1.css">/* css/app.1.css */.a{color:red}</style><link rel="icon" href="data:,"></head>');
    expect(() => pageTags(['css/2.css'], '/', () => '.a{content:"</style>"}')).toThrow(/<\/style/);
  });
});

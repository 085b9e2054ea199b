// The H5 console's sign-in page before the app's code has run (issue 21). index.html carries the
// sign-in form (the same elements and classes as pages/signin, styled by its stylesheet), which
// paints with the document and works at once: this script, in line at the end of the head, runs
// before the body is parsed and listens on the document, so the form can be filled in and sent
// while the app's code still downloads. It
// - shows the form (`zj-splash-on`), except on a link to another page or for a stored sign-in;
// - signs in with the same request the page makes and stores the answer where the app keeps it
//   (Taro storage: `{"data": …}` in localStorage), then tells the app (`zj:signed-in`);
// - gives way once the app has drawn its first page, handing what was typed to the page
//   (`zj:splash-handover`); a sign-in still on its way is waited for first.
// A plain script, no imports: it runs before and apart from the app's bundle. The build fills in
// CONFIG and puts it in line (miniapp/config/h5FirstScreen.ts); the server's Content Security
// Policy allows it by its hash.
(function () {
  var CONFIG = /* zj:first-screen-config */ {
    sessionKey: 'zj.session',
    fontSizeKey: 'zj.fontSize',
    privacyAgreedKey: 'zj.privacyAgreed',
    privacyVersion: '',
    signInUrl: '/api/auth/password',
    page: 'pages/signin/index',
  };
  var TIMEOUT_MS = 15000;
  var root = document.documentElement;
  var state = { agreed: false, sending: false, signedIn: false, appCame: false, gone: false };

  function element(id) {
    return document.getElementById(id);
  }
  function route() {
    return location.hash.replace(/^#\/?/, '').split('?')[0];
  }
  function stored(key) {
    try {
      var value = JSON.parse(localStorage.getItem(key) || 'null');
      return value && typeof value === 'object' ? value.data : undefined;
    } catch {
      return undefined;
    }
  }
  /** Whether it was stored: storage may be refused (a private window's settings) or full. */
  function store(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify({ data: value }));
      return true;
    } catch {
      return false;
    }
  }

  // ── Showing and giving way
  function hide() {
    if (state.gone) return;
    state.gone = true;
    root.classList.remove('zj-splash-on');
    var splash = element('zj-splash');
    if (splash) splash.parentNode.removeChild(splash);
  }

  /** What was typed, for the page that takes over; null when nothing was. */
  function typed() {
    var username = element('zj-splash-username');
    var password = element('zj-splash-password');
    if (!username || !password) return null;
    var focus = document.activeElement === username ? 'username' : document.activeElement === password ? 'password' : null;
    var message = element('zj-splash-message');
    var error = message && !message.hidden && message.dataset.kind === 'error' ? message.textContent : null;
    if (!username.value && !password.value && !state.agreed && !focus && !error) return null;
    return { username: username.value, password: password.value, agreed: state.agreed, error: error, focus: focus };
  }

  function giveWay() {
    if (state.gone || state.sending) return; // a sign-in on its way ends first (finish() comes back here)
    var form = typed();
    if (form && !state.signedIn) window.dispatchEvent(new CustomEvent('zj:splash-handover', { detail: form }));
    hide();
  }

  // A link to another page (an article) opens that page, and a stored sign-in goes straight on to
  // the 简报 tab: neither should flash the sign-in form first.
  var signedIn;
  try {
    signedIn = localStorage.getItem(CONFIG.sessionKey) !== null;
  } catch {
    signedIn = false; // storage refused (a private window's settings): the app will say so itself
  }
  if ((route() && route() !== CONFIG.page) || signedIn) {
    hide();
    return;
  }
  root.classList.add('zj-splash-on');
  window.addEventListener('hashchange', function () {
    if (route() && route() !== CONFIG.page) hide();
  });

  // The reader's text size, as the page will use it.
  var size = stored(CONFIG.fontSizeKey);
  if (typeof size === 'number') root.style.setProperty('--zj-splash-font-size', size + 'px');

  // Taro moves #app into its tab bar's container as it starts: the whole document is watched. The
  // form gives way in the same task that puts the page in (before the next frame), so the two never
  // show together.
  var observer = new MutationObserver(function () {
    if (document.querySelector('.taro_page *') === null) return;
    observer.disconnect();
    state.appCame = true;
    giveWay();
  });
  observer.observe(root, { childList: true, subtree: true });

  // ── The form
  function say(text, kind) {
    var message = element('zj-splash-message');
    message.textContent = text;
    message.dataset.kind = kind;
    message.hidden = false;
  }
  function busy(on, label) {
    var button = document.querySelector('#zj-splash-form [data-signs-in]');
    button.disabled = on;
    button.classList.toggle('zj-button--inactive', on);
    button.textContent = label;
  }
  function setAgreed(agreed) {
    state.agreed = agreed;
    var box = element('zj-splash-consent');
    box.classList.toggle('zj-agreement__box--on', agreed);
    box.textContent = agreed ? '✓' : '';
    box.setAttribute('aria-checked', String(agreed));
    box.setAttribute('aria-label', agreed ? '已同意隐私保护指引' : '未同意隐私保护指引');
  }

  // The form is never submitted by the browser: its button is not a submit button, and with two
  // text fields Enter does not submit it either (implicit submission needs a submit button). So
  // without this script nothing is sent, least of all a password in a URL.
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !target.closest('#zj-splash')) return;
    if (target.closest('#zj-splash-consent, [data-toggles-consent]')) setAgreed(!state.agreed);
    if (target.closest('[data-signs-in]')) signIn();
  });
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    if (event.target === element('zj-splash-consent')) {
      event.preventDefault();
      setAgreed(!state.agreed);
    } else if (event.key === 'Enter' && event.target instanceof Element && event.target.closest('#zj-splash-form input')) {
      signIn();
    }
  });

  function signIn() {
    if (state.sending || state.signedIn) return;
    var username = element('zj-splash-username').value.trim();
    var password = element('zj-splash-password').value;
    if (!state.agreed) return say('请先阅读并同意《隐私保护指引》', 'error');
    if (!username) return say('请填写用户名', 'error');
    if (!password) return say('请填写密码', 'error');
    send(username, password);
  }

  function send(username, password) {
    state.sending = true;
    busy(true, '登录中…');
    element('zj-splash-message').hidden = true;
    store(CONFIG.privacyAgreedKey, CONFIG.privacyVersion);
    var controller = new AbortController();
    var timer = setTimeout(function () {
      controller.abort();
    }, TIMEOUT_MS);
    fetch(CONFIG.signInUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: username, password: password }),
      signal: controller.signal,
    })
      .then(function (response) {
        return response.json().then(
          function (body) {
            return { ok: response.ok, body: body };
          },
          function () {
            return { ok: false, body: null };
          },
        );
      })
      .then(
        function (answer) {
          if (answer.ok && isSignedIn(answer.body)) return signedInAs(answer.body);
          var refusal = answer.body && answer.body.error;
          finish(refusal && typeof refusal.message === 'string' ? refusal.message : '登录失败，请稍后重试');
        },
        function (error) {
          finish(error && error.name === 'AbortError' ? '请求超时，请检查网络后重试' : '网络连接失败，请检查网络后重试');
        },
      )
      .finally(function () {
        clearTimeout(timer);
      });
  }

  function isSignedIn(body) {
    return (
      !!body &&
      body.status === 'signed_in' &&
      typeof body.token === 'string' &&
      typeof body.expiresAt === 'string' &&
      typeof body.refreshToken === 'string' &&
      typeof body.refreshExpiresAt === 'string' &&
      !!body.user
    );
  }

  // Stored as services/session saves a sign-in; the app reads it when it starts, or, already
  // running, when told.
  function signedInAs(body) {
    var kept = store(CONFIG.sessionKey, {
      token: body.token,
      expiresAt: body.expiresAt,
      refreshToken: body.refreshToken,
      refreshExpiresAt: body.refreshExpiresAt,
      receivedAt: Date.now(),
      user: body.user,
    });
    if (!kept) return finish('浏览器未允许保存登录状态，请检查浏览器设置后重试');
    state.signedIn = true;
    busy(true, '登录成功');
    say('登录成功，正在进入…', 'info');
    window.dispatchEvent(new CustomEvent('zj:signed-in'));
    finish(null);
  }

  function finish(error) {
    state.sending = false;
    if (error) {
      busy(false, '登录');
      say(error, 'error');
    }
    if (state.appCame) giveWay();
  }
})();

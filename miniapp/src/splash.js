// The H5 console's first screen before its code has run (issue 21): index.html carries the sign-in
// page's brand, which paints with the document; this script, loaded in the head before the body is
// parsed (under 1 KB; it blocks the parser for that long only), hides it before it can show on a
// link to another page or for a stored sign-in, and takes it away once the app has drawn its first
// page. It is not the sign-in form: nothing on it can be pressed, it says that the page is loading.
// A plain script, no imports: it runs before and apart from the app's bundle (the build copies it,
// miniapp/config/h5FirstScreen.ts); the Content Security Policy allows no inline script.
(function () {
  var root = document.documentElement;
  function hide() {
    root.classList.add('zj-splash-off');
    var splash = document.getElementById('zj-splash');
    if (splash) splash.parentNode.removeChild(splash);
  }

  // A link to another page (an article) opens that page, and a stored sign-in goes straight on to
  // the 简报 tab: neither should flash the sign-in screen first.
  var route = location.hash.replace(/^#\/?/, '').split('?')[0];
  var signedIn;
  try {
    signedIn = localStorage.getItem('zj.session') !== null;
  } catch {
    signedIn = false; // storage refused (a private window's settings): the app will say so itself
  }
  if ((route && route !== 'pages/signin/index') || signedIn) {
    hide();
    return;
  }

  // The reader's text size (services/fontSize, in Taro's storage as {"data": px}), as the page will use it.
  try {
    var size = JSON.parse(localStorage.getItem('zj.fontSize') || 'null');
    if (size && typeof size.data === 'number') root.style.setProperty('--zj-splash-font-size', size.data + 'px');
  } catch {
    // the default size
  }

  // Gone in the same task that puts the page in (before the next frame), so the two never show
  // together. Taro moves #app into its tab bar's container as it starts: the whole document is watched.
  var observer = new MutationObserver(function () {
    if (document.querySelector('.taro_page *') === null) return;
    observer.disconnect();
    hide();
  });
  observer.observe(root, { childList: true, subtree: true });
})();

export default defineAppConfig({
  // The sign-in page comes first: it sends a signed-in person straight on to the 简报 tab.
  pages: [
    'pages/signin/index',
    'pages/bulletin/index',
    'pages/submit/index',
    'pages/checkin/index',
    'pages/me/index',
    'pages/bind/index',
    'pages/privacy/index',
  ],
  // Pages only some roles use are subpackages: members never download them.
  subPackages: [
    { root: 'packages/unit-admin', name: 'unit-admin', pages: ['roster/index'] },
    { root: 'packages/secretariat', name: 'secretariat', pages: ['units/index', 'audit/index'] },
    { root: 'packages/reviewer', name: 'reviewer', pages: ['queue/index'] },
  ],
  tabBar: {
    color: '#6b625c',
    selectedColor: '#b91c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/bulletin/index', text: '简报', iconPath: 'assets/tab/bulletin.png', selectedIconPath: 'assets/tab/bulletin-on.png' },
      { pagePath: 'pages/submit/index', text: '报送', iconPath: 'assets/tab/submit.png', selectedIconPath: 'assets/tab/submit-on.png' },
      { pagePath: 'pages/checkin/index', text: '签到', iconPath: 'assets/tab/checkin.png', selectedIconPath: 'assets/tab/checkin-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-on.png' },
    ],
  },
  window: {
    navigationBarBackgroundColor: '#b91c1c',
    navigationBarTitleText: '指尖党建',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f3ef',
    backgroundTextStyle: 'dark',
  },
  // WeChat privacy: privacy APIs wait for onNeedPrivacyAuthorization (handled in services/privacy).
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});

export default defineAppConfig({
  // The sign-in page comes first: it sends a signed-in person straight on to the 简报 tab.
  pages: [
    'pages/signin/index',
    'pages/bulletin/index',
    'pages/submit/index',
    'pages/checkin/index',
    'pages/aie/index',
    'pages/me/index',
    'pages/bind/index',
    'pages/privacy/index',
  ],
  // Pages only some roles use are subpackages: members never download them.
  subPackages: [
    { root: 'packages/unit-admin', name: 'unit-admin', pages: ['roster/index'] },
    {
      root: 'packages/secretariat',
      name: 'secretariat',
      pages: [
        'units/index',
        'audit/index',
        'bulletins/index',
        'bulletin-edit/index',
        'article-edit/index',
        'bulletin-import/index',
        'bulletin-catalogue/index',
        'bulletin-stats/index',
        'calls/index',
        'desk/index',
        'entry/index',
        'results/index',
        'news/index',
        'attendance/index',
      ],
    },
    // The desktop console's home dashboard (secretariat); its charts (ECharts) load with it only.
    { root: 'packages/console', name: 'console', pages: ['home/index'] },
    { root: 'packages/reviewer', name: 'reviewer', pages: ['queue/index', 'score/index'] },
    // 书记直通车 / 党群聊吧: the writer's pages, and the reader's (secretary, secretariat).
    { root: 'packages/letters', name: 'letters', pages: ['write/index', 'mine/index', 'detail/index', 'board/index'] },
    { root: 'packages/letters-admin', name: 'letters-admin', pages: ['inbox/index', 'handle/index', 'timeliness/index', 'review/index'] },
    // 年度评优: the 公示 and objections (members); candidates, recommendations, decisions, certificates (片组长, secretariat).
    { root: 'packages/awards', name: 'awards', pages: ['publicity/index'] },
    { root: 'packages/awards-admin', name: 'awards-admin', pages: ['reviews/index', 'review/index', 'certificate/index'] },
    // Reading an issue (every member): out of the main package, fetched while the 简报 tab shows.
    {
      root: 'packages/bulletin',
      name: 'bulletin',
      pages: ['issue/index', 'article/index', 'search/index', 'favourites/index', 'reads/index'],
    },
    { root: 'packages/submit', name: 'submit', pages: ['edit/index', 'entry/index', 'topics/index'] },
    { root: 'packages/cases', name: 'cases', pages: ['index/index', 'detail/index'] },
    { root: 'packages/offline', name: 'offline', pages: ['outbox/index'] },
    // 党员卡: the member's card, records, declare and appeal; the A4 print layout for the unit's files.
    {
      root: 'packages/record',
      name: 'record',
      pages: ['card/index', 'records/index', 'declare/index', 'appeal/index', 'print/index'],
    },
    {
      root: 'packages/checkin-admin',
      name: 'checkin-admin',
      pages: [
        'desk/index',
        'code/index',
        'live/index',
        'rules/index',
        'approvals/index',
        'figures/index',
        'summary/index',
        'activity/index',
        'extra/index',
      ],
    },
    {
      root: 'packages/record-admin',
      name: 'record-admin',
      pages: [
        'desk/index',
        'bonuses/index',
        'deductions/index',
        'sanctions/index',
        'dues/index',
        'appraisals/index',
        'pioneer/index',
        'benefits/index',
        'settings/index',
        'distribution/index',
        'years/index',
      ],
    },
    // 爱E客栈 (every member): wishes, profiles and commitments, volunteer activities, 传帮带 questions.
    {
      root: 'packages/aie',
      name: 'aie',
      pages: [
        'wishes/index',
        'wish/index',
        'profile/index',
        'people/index',
        'volunteer/index',
        'volunteer/detail/index',
        'questions/index',
        'questions/detail/index',
      ],
    },
    // 爱E客栈 organisers: publishing wishes and activities (and editing these), the review queues, the roster and the codes.
    {
      root: 'packages/aie-admin',
      name: 'aie-admin',
      pages: [
        'publish/index',
        'review/index',
        'volunteer/publish/index',
        'volunteer/edit/index',
        'volunteer/roster/index',
        'volunteer/code/index',
        'questions/index',
      ],
    },
    // 网络击鼓传花: rounds, watching (range-served video or 视频号), likes and comments; the secretariat's review.
    { root: 'packages/videos', name: 'videos', pages: ['round/index', 'watch/index'] },
    { root: 'packages/videos-admin', name: 'videos-admin', pages: ['rounds/index', 'review/index'] },
  ],
  preloadRule: {
    'pages/bulletin/index': { network: 'all', packages: ['bulletin'] },
  },
  // The native tab bar and navigation bar take colours as strings in app.json; they are the tokens
  // $muted, $red, $card and $bg of styles/_tokens.scss — change them there and here together.
  tabBar: {
    color: '#6b625c',
    selectedColor: '#b91c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/bulletin/index',
        text: '简报',
        iconPath: 'assets/tab/bulletin.png',
        selectedIconPath: 'assets/tab/bulletin-on.png',
      },
      { pagePath: 'pages/submit/index', text: '报送', iconPath: 'assets/tab/submit.png', selectedIconPath: 'assets/tab/submit-on.png' },
      { pagePath: 'pages/checkin/index', text: '签到', iconPath: 'assets/tab/checkin.png', selectedIconPath: 'assets/tab/checkin-on.png' },
      { pagePath: 'pages/aie/index', text: '客栈', iconPath: 'assets/tab/aie.png', selectedIconPath: 'assets/tab/aie-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-on.png' },
    ],
  },
  window: {
    navigationBarBackgroundColor: '#b91c1c',
    navigationBarTitleText: '指尖党建',
    navigationBarTextStyle: 'white',
    // H5: Taro draws the title and back control of every sub-page only when asked (WeChat always does).
    navigationStyle: 'default',
    backgroundColor: '#f6f3ef',
    backgroundTextStyle: 'dark',
  },
  // WeChat privacy: privacy APIs wait for onNeedPrivacyAuthorization (handled in services/privacy).
  __usePrivacyCheck__: true,
  // Location is read only at check-in, and only where the unit turned geofencing on (privacy guide).
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '仅在开启定位签到的活动中，核对您是否在活动地点' } },
  lazyCodeLoading: 'requiredComponents',
});

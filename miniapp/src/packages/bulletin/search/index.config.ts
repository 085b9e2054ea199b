export default definePageConfig({ navigationBarTitleText: '搜索简报', enablePullDownRefresh: true, onReachBottomDistance: 80 });

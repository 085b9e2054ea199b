export default definePageConfig({ navigationBarTitleText: '简报', enablePullDownRefresh: true, onReachBottomDistance: 80 });

export default definePageConfig({ navigationBarTitleText: '阅读统计', enablePullDownRefresh: true, onReachBottomDistance: 80 });

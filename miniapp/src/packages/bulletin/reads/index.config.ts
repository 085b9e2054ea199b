export default definePageConfig({ navigationBarTitleText: '阅读记录', enablePullDownRefresh: true, onReachBottomDistance: 80 });

export default definePageConfig({ navigationBarTitleText: '审计日志', enablePullDownRefresh: true, onReachBottomDistance: 80 });

export default definePageConfig({ navigationBarTitleText: '我的来信', enablePullDownRefresh: true, onReachBottomDistance: 80 });

export default definePageConfig({ navigationBarTitleText: '反向扣分', enablePullDownRefresh: true, onReachBottomDistance: 80 });

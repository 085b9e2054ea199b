export default definePageConfig({ navigationBarTitleText: '加分审核', enablePullDownRefresh: true, onReachBottomDistance: 80 });

export default definePageConfig({ navigationBarTitleText: '纪律处分', enablePullDownRefresh: true, onReachBottomDistance: 80 });

export default definePageConfig({ navigationBarTitleText: '编辑简报', enablePullDownRefresh: true, onReachBottomDistance: 80 });

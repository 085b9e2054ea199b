export default definePageConfig({ navigationBarTitleText: '来信内容审核', enablePullDownRefresh: true, onReachBottomDistance: 80 });

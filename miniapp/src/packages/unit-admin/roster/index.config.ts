export default definePageConfig({ navigationBarTitleText: '单位名册', enablePullDownRefresh: true, onReachBottomDistance: 80 });

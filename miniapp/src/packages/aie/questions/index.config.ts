export default definePageConfig({ navigationBarTitleText: '传帮带问答', enablePullDownRefresh: true, onReachBottomDistance: 80 });

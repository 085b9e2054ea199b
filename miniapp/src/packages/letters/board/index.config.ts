export default definePageConfig({ navigationBarTitleText: '党群聊吧', enablePullDownRefresh: true, onReachBottomDistance: 80 });

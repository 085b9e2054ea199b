export default definePageConfig({ navigationBarTitleText: '党员卡', enablePullDownRefresh: true });

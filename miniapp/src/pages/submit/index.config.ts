export default definePageConfig({ navigationBarTitleText: '报送', enablePullDownRefresh: true });

export default definePageConfig({ navigationBarTitleText: '报送台账', enablePullDownRefresh: true });

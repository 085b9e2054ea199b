export default definePageConfig({ navigationBarTitleText: '爱E客栈', enablePullDownRefresh: false });

export default definePageConfig({ navigationBarTitleText: '问答审核', enablePullDownRefresh: true });

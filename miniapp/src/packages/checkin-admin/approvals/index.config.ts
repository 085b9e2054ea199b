export default definePageConfig({ navigationBarTitleText: '请假与补签', enablePullDownRefresh: true });

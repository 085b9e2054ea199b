export default definePageConfig({ navigationBarTitleText: '爱E客栈审核' });

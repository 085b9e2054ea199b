export default definePageConfig({ navigationBarTitleText: '党员档案与先锋指数' });

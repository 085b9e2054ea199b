export default definePageConfig({ navigationBarTitleText: '先锋指数分布' });

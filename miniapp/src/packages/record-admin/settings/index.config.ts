export default definePageConfig({ navigationBarTitleText: '积分与指数规则' });

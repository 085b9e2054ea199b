export default definePageConfig({ navigationBarTitleText: '信息采用统计' });

export default definePageConfig({ navigationBarTitleText: '年度评优' });

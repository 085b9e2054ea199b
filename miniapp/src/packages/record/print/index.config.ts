export default definePageConfig({ navigationBarTitleText: '党员年度记实（打印）' });

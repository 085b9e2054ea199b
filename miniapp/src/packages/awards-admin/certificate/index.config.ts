export default definePageConfig({ navigationBarTitleText: '获奖证书（打印）' });

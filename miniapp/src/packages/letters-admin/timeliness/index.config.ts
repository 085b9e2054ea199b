export default definePageConfig({ navigationBarTitleText: '书记信箱办理时效' });

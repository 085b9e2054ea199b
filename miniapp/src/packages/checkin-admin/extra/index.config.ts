export default definePageConfig({ navigationBarTitleText: '增加活动' });

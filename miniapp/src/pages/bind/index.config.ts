export default definePageConfig({ navigationBarTitleText: '绑定名册' });

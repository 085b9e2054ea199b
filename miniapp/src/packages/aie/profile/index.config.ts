export default definePageConfig({ navigationBarTitleText: '我的亮身份' });

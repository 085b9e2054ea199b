export default definePageConfig({ navigationBarTitleText: '评优公示' });

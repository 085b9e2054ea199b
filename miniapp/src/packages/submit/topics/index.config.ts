export default definePageConfig({ navigationBarTitleText: '调研课题' });

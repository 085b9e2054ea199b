export default definePageConfig({ navigationBarTitleText: '简报' });

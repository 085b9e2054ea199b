export default definePageConfig({ navigationBarTitleText: '书记直通车' });

export default definePageConfig({ navigationBarTitleText: '导入往期简报' });

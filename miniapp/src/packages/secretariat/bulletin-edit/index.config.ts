export default definePageConfig({ navigationBarTitleText: '编辑简报' });

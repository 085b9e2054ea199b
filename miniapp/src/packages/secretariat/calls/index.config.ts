export default definePageConfig({ navigationBarTitleText: '征集与评审' });

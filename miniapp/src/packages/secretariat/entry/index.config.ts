export default definePageConfig({ navigationBarTitleText: '报送处理' });

export default definePageConfig({ navigationBarTitleText: '击鼓传花管理' });

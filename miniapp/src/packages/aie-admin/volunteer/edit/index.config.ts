export default definePageConfig({ navigationBarTitleText: '编辑志愿活动' });

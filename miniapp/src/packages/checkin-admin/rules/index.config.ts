export default definePageConfig({ navigationBarTitleText: '固定活动日规则' });

export default definePageConfig({ navigationBarTitleText: '出勤统计' });

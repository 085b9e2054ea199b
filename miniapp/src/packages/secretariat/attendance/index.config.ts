export default definePageConfig({ navigationBarTitleText: '出勤看板' });

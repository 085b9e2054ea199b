export default definePageConfig({ navigationBarTitleText: '党员权益' });

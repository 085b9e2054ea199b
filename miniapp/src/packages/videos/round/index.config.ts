export default definePageConfig({ navigationBarTitleText: '网络击鼓传花', enablePullDownRefresh: false });

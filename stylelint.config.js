// The mini-program's styles use design tokens only: colours, text sizes and radii come from
// miniapp/src/styles/_tokens.scss, the one file allowed to spell them out.
export default {
  customSyntax: 'postcss-scss',
  plugins: ['stylelint-scss'],
  rules: {
    'color-no-hex': true,
    'color-named': 'never',
    'declaration-property-value-allowed-list': {
      // A type-scale token, or inherit; em/px literals drift into two dozen sizes.
      'font-size': ['/^\\$font-/', 'inherit'],
      'border-radius': ['/^\\$radius/', '50%', '0'],
    },
    'scss/load-no-partial-leading-underscore': null,
  },
  overrides: [
    {
      files: ['miniapp/src/styles/_tokens.scss'],
      rules: { 'color-no-hex': null, 'declaration-property-value-allowed-list': null },
    },
  ],
};

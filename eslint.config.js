// One lint for the whole repository. Besides the usual checks it holds the layers of
// docs/ARCHITECTURE.md, so a new module cannot drift from them without the lint saying so.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const WRITE_CALL = "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(insert|update|delete)$/]";

/** `no-restricted-imports` takes one options object per file set; these pieces make them up. */
const noDrizzle = {
  group: ['drizzle-orm', 'drizzle-orm/*', '**/db/client'],
  message: 'Presenters are pure functions of rows already loaded: load in queries/, present here.',
};
const noDatabaseValues = {
  group: ['**/db/schema', '**/db/schema/*'],
  allowTypeImports: true,
  message: 'Presenters may name row types, not tables: load in queries/.',
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', 'server/src/db/drizzle/**', 'miniapp/types/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.es2021 },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // TypeScript knows every global; ESLint's own list does not.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  {
    files: ['miniapp/src/**/*.{ts,tsx}', 'tests/miniapp/**/*.{ts,tsx}', 'tests/support/taro/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error' },
  },

  // ── shared/: the contracts and rules both sides use; it depends on neither side.
  {
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/miniapp/**', '@zhijian/server', '@zhijian/miniapp'],
              message: 'shared/ imports from neither side.',
            },
          ],
        },
      ],
    },
  },

  // ── server/src/routes: contract → load → authorize → command → present. No writes, no other route.
  {
    files: ['server/src/routes/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: WRITE_CALL, message: 'Routes write nothing themselves: put the write in a command (server/src/commands/).' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // A route file sits in routes/<resource>/; `../x` is another resource's folder.
            {
              regex: '^\\.\\./(?!\\.\\./)',
              message: 'A route imports no other route: move what both need to queries/, policies/ or presenters/.',
            },
            { group: ['**/routes/**'], message: 'A route imports no other route.' },
          ],
        },
      ],
    },
  },

  // ── server/src/queries: reads only.
  {
    files: ['server/src/queries/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: WRITE_CALL, message: 'queries/ only reads: writes are commands.' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/routes/**', '**/commands/**'], message: 'queries/ depends on no route or command.' }] },
      ],
    },
  },

  // ── server/src/presenters: pure, synchronous functions of rows.
  {
    files: ['server/src/presenters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDrizzle,
            noDatabaseValues,
            {
              group: ['**/queries/**'],
              allowTypeImports: true,
              message: 'Presenters take rows; they may name the row types queries/ declare.',
            },
            { group: ['**/commands/**', '**/routes/**'], message: 'Presenters depend on rows only.' },
          ],
        },
      ],
    },
  },

  // ── server/src outside routes: nothing depends on a route but app.ts.
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/routes/**', 'server/src/app.ts', 'server/src/presenters/**', 'server/src/queries/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/routes/**', '**/routes'], message: 'Only app.ts mounts routes.' }] }],
    },
  },

  // ── miniapp: pages and components reach the API through per-domain services/.
  {
    files: ['miniapp/src/**/*.{ts,tsx}'],
    ignores: ['miniapp/src/services/**', 'miniapp/src/packages/*/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/services/api', '@/services/api'],
              message: 'Pages call the API through a per-domain service (services/<domain>.ts); components receive callbacks.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);

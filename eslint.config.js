import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const reactImports = {
  paths: [
    {
      name: 'react',
      message: 'This layer is framework-free (DESIGN.md §1): React lives in src/react and src/components.',
    },
    { name: 'react-dom', message: 'This layer is framework-free (DESIGN.md §1).' },
  ],
  patterns: [{ group: ['react/*', 'react-dom/*'], message: 'This layer is framework-free (DESIGN.md §1).' }],
};

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'node_modules', 'coverage', '.pack', 'examples/*/dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/model/**', 'src/protocol/**', 'src/transport/**', 'src/session/**'],
    rules: { 'no-restricted-imports': ['error', reactImports] },
  },
  {
    // The browser entry never reaches Node-only code.
    files: ['src/**'],
    ignores: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server', '**/server/*', '../server/**'], message: 'src/server is Node only.' },
            { group: ['node:*'], message: 'Browser code cannot use Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/model/**', 'src/protocol/**', 'src/transport/**', 'src/session/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...reactImports,
          patterns: [
            ...reactImports.patterns,
            { group: ['**/server', '**/server/*', '../server/**'], message: 'src/server is Node only.' },
            { group: ['node:*'], message: 'Browser code cannot use Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', '*.config.{js,ts}', '.storybook/**', 'test/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);

// The project's lint rules: no import cycles, the rules of React hooks, type-only imports marked as such, nothing unused.
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test/ooxml/**', '**/*.tmp.mts'] },
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    plugins: { '@typescript-eslint': tseslint.plugin, import: importPlugin, 'react-hooks': reactHooks },
    settings: { 'import/extensions': ['.ts', '.tsx', '.mts'], 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mts', '.js', '.json'] } } },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
);

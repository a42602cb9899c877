import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers of src/ and what each may import; docs/architecture.md explains them.
const ARCHITECTURE = 'See docs/architecture.md#layers.';
const LAYERS = ['model', 'protocol', 'transport', 'session', 'react', 'components', 'server'];
/** Layer → the layers it may import, always through their index.ts. */
const ALLOWED = {
  model: [],
  protocol: ['model'],
  transport: ['protocol', 'model'],
  session: ['transport', 'protocol', 'model'],
  react: ['session', 'transport', 'protocol', 'model'],
  components: ['react', 'session', 'transport', 'protocol', 'model'],
  server: ['protocol', 'model'],
};
/** Layers without React; the server is Node only and needs none either. */
const FRAMEWORK_FREE = ['model', 'protocol', 'transport', 'session', 'server'];
/** The package's entry files (src/index.ts) re-export the browser layers. */
const ENTRY_ALLOWED = ['model', 'protocol', 'transport', 'session', 'react', 'components'];

const list = (names) =>
  names.length === 0
    ? 'nothing'
    : names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
// A relative import that reaches one of `layers`: `../session`, `../../react/index.js`, `./model/json.js`.
const reaching = (layers) => `^\\.{1,2}/(?:\\.\\./)*(?:${layers.join('|')})(?:/|$)`;

const reactImports = {
  paths: [
    {
      name: 'react',
      message: `This layer is framework-free: React lives in src/react and src/components. ${ARCHITECTURE}`,
    },
    { name: 'react-dom', message: `This layer is framework-free. ${ARCHITECTURE}` },
  ],
  patterns: [{ group: ['react/*', 'react-dom/*'], message: `This layer is framework-free. ${ARCHITECTURE}` }],
};

/** The `no-restricted-imports` options of files in `src/<layer>/`, or of the entry files for `layer` undefined. */
function layerRestrictions(layer) {
  const allowed = layer === undefined ? ENTRY_ALLOWED : ALLOWED[layer];
  const where = layer === undefined ? 'The package entry' : `src/${layer}`;
  const browser = layer !== 'server';
  const others = LAYERS.filter((name) => name !== layer && !allowed.includes(name));
  const forbidden = others.filter((name) => !(browser && name === 'server'));
  const patterns = [];
  if (forbidden.length > 0) {
    patterns.push({
      regex: reaching(forbidden),
      message: `${where} may import ${list(allowed)}${allowed.length === 0 ? '' : ' (through their index.ts)'}. ${ARCHITECTURE}`,
    });
  }
  if (browser) {
    patterns.push(
      {
        regex: reaching(['server']),
        message: `src/server is Node only; browser code never imports it. ${ARCHITECTURE}`,
      },
      { group: ['node:*'], message: `Browser code cannot use Node built-ins. ${ARCHITECTURE}` },
    );
  }
  if (allowed.length > 0) {
    patterns.push({
      // Into a layer's files rather than its index.ts: `../model/json.js`.
      regex: `^\\.{1,2}/(?:\\.\\./)*(?:${allowed.join('|')})/(?!index\\.js$)`,
      message: `Import another layer through its index.ts ('../<layer>/index.js'), never its files. ${ARCHITECTURE}`,
    });
  }
  const framework = FRAMEWORK_FREE.includes(layer);
  return {
    ...(framework ? { paths: reactImports.paths } : {}),
    patterns: [...(framework ? reactImports.patterns : []), ...patterns],
  };
}

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
  // One block per layer: the options of a rule are replaced, not merged, when two blocks match a file.
  ...LAYERS.map((layer) => ({
    files: [`src/${layer}/**`],
    rules: { 'no-restricted-imports': ['error', layerRestrictions(layer)] },
  })),
  {
    files: ['src/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', layerRestrictions(undefined)] },
  },
  {
    files: ['scripts/**', '*.config.{js,ts}', '.storybook/**', 'test/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);

import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer rules of docs/architecture.md, checked through the project's real ESLint config on virtual files.
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** A file importing `specifier` (and using it, so no other rule fires). */
const importing = (specifier: string) => `import * as layer from '${specifier}';\nexport const used = layer;\n`;

/** Every layer, what it may import, and a file in it. */
const LAYERS = {
  model: { allowed: [], file: 'src/model/x.ts' },
  protocol: { allowed: ['model'], file: 'src/protocol/x.ts' },
  transport: { allowed: ['protocol', 'model'], file: 'src/transport/x.ts' },
  session: { allowed: ['transport', 'protocol', 'model'], file: 'src/session/x.ts' },
  react: { allowed: ['session', 'transport', 'protocol', 'model'], file: 'src/react/x.ts' },
  components: { allowed: ['react', 'session', 'transport', 'protocol', 'model'], file: 'src/components/x/y.tsx' },
  server: { allowed: ['protocol', 'model'], file: 'src/server/x.ts' },
} as const;
type Layer = keyof typeof LAYERS;
const layers = Object.keys(LAYERS) as Layer[];

/** The relative specifier of `target`'s index.ts (or `file`) as seen from a file of `layer`. */
function specifier(layer: Layer, target: string, file = 'index.js'): string {
  return `${layer === 'components' ? '../..' : '..'}/${target}/${file}`;
}

// Loading the config and the TypeScript parser takes seconds under a parallel test run: do it once, up front.
beforeAll(async () => {
  await eslint.lintText('export {};\n', { filePath: 'src/model/warm-up.ts' });
}, 60_000);

describe('ESLint layer rules', { timeout: 20_000 }, () => {
  describe.each(layers)('src/%s', (layer) => {
    const { allowed, file } = LAYERS[layer];
    const forbidden = layers.filter((other) => other !== layer && !(allowed as readonly string[]).includes(other));

    it.each(allowed.map((target) => [target]))('may import %s through its index.ts', async (target) => {
      expect(await restrictedImportMessages(file, importing(specifier(layer, target)))).toStrictEqual([]);
    });

    it.each(forbidden.map((target) => [target]))('may not import %s', async (target) => {
      const messages = await restrictedImportMessages(file, importing(specifier(layer, target)));
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('docs/architecture.md');
      if (target === 'server') expect(messages[0]).toContain('Node only');
      else expect(messages[0]).toContain(`src/${layer} may import ${allowed.length === 0 ? 'nothing' : ''}`);
    });

    // The model imports no layer, so it has no other layer's files to reach into.
    if (allowed.length > 0) {
      it('may not reach into another layer’s files', async () => {
        const target = allowed[0] as string;
        const messages = await restrictedImportMessages(file, importing(specifier(layer, target, 'internals.js')));
        expect(messages).toHaveLength(1);
        expect(messages[0]).toContain('through its index.ts');
        expect(messages[0]).toContain('docs/architecture.md');
      });
    }
  });

  it('names the allowed layers in the message', async () => {
    const [message] = await restrictedImportMessages('src/session/x.ts', importing('../react/index.js'));
    expect(message).toContain('src/session may import transport, protocol and model (through their index.ts)');
    const [model] = await restrictedImportMessages('src/model/x.ts', importing('../session/index.js'));
    expect(model).toContain('src/model may import nothing');
  });

  it('lets the files of one layer import each other, and components share src/components/field', async () => {
    expect(await restrictedImportMessages('src/session/x.ts', importing('./reducer.js'))).toStrictEqual([]);
    expect(await restrictedImportMessages('src/model/x.ts', importing('./json.js'))).toStrictEqual([]);
    expect(
      await restrictedImportMessages('src/components/voice-picker/x.ts', importing('../field/use-field-store.js')),
    ).toStrictEqual([]);
  });

  it('flags the deep imports this repository used to have', async () => {
    const cases: [string, string][] = [
      ['src/session/reducer.ts', '../model/json.js'],
      ['src/protocol/parse.ts', '../model/json.js'],
      ['src/server/session.ts', '../protocol/client-events.js'],
      ['src/components/field/use-field-store.ts', '../../session/reducer.js'],
      ['src/components/field/use-field-store.ts', '../../react/context.js'],
    ];
    for (const [file, target] of cases) expect(await restrictedImportMessages(file, importing(target))).toHaveLength(1);
  });

  it('lets the package entry re-export the browser layers through their index.ts only', async () => {
    expect(await restrictedImportMessages('src/index.ts', importing('./components/index.js'))).toStrictEqual([]);
    expect(await restrictedImportMessages('src/index.ts', importing('./model/json.js'))).toHaveLength(1);
    expect(await restrictedImportMessages('src/index.ts', importing('./server/index.js'))).toHaveLength(1);
  });

  it.each(['src/model/x.ts', 'src/protocol/x.ts', 'src/transport/x.ts', 'src/session/x.ts', 'src/server/x.ts'])(
    'forbids React in %s',
    async (file) => {
      const messages = await restrictedImportMessages(
        file,
        "import { useState } from 'react';\nexport const s = useState;\n",
      );
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('framework-free');
      expect(messages[0]).toContain('docs/architecture.md');
    },
  );

  it.each(['src/react/x.ts', 'src/components/x/y.tsx'])('allows React in %s', async (file) => {
    expect(
      await restrictedImportMessages(file, "import { useState } from 'react';\nexport const s = useState;\n"),
    ).toStrictEqual([]);
  });

  it('keeps Node built-ins and src/server out of browser code', async () => {
    const code =
      "import { readFile } from 'node:fs';\nimport { a } from '../server/index.js';\nexport const b = [readFile, a];\n";
    expect(await restrictedImportMessages('src/session/x.ts', code)).toHaveLength(2);
    expect(await restrictedImportMessages('src/react/x.ts', code)).toHaveLength(2);
    expect(await restrictedImportMessages('src/server/x.ts', code)).toStrictEqual([]);
    expect(
      await restrictedImportMessages('src/index.ts', "import { readFile } from 'node:fs';\nexport { readFile };\n"),
    ).toHaveLength(1);
  });
});

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of DESIGN.md §1, checked through the project's real ESLint config.
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('ESLint layer rules', () => {
  it.each(['src/model/x.ts', 'src/protocol/x.ts', 'src/transport/x.ts', 'src/session/x.ts'])(
    'forbids React in %s',
    async (file) => {
      const messages = await restrictedImportMessages(
        file,
        "import { useState } from 'react';\nexport const s = useState;\n",
      );
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('framework-free');
    },
  );

  it('allows React in src/react', async () => {
    expect(
      await restrictedImportMessages(
        'src/react/x.ts',
        "import { useState } from 'react';\nexport const s = useState;\n",
      ),
    ).toStrictEqual([]);
  });

  it('keeps Node built-ins and src/server out of browser code', async () => {
    const code =
      "import { readFile } from 'node:fs';\nimport { a } from '../server/index.js';\nexport const b = [readFile, a];\n";
    expect(await restrictedImportMessages('src/session/x.ts', code)).toHaveLength(2);
    expect(await restrictedImportMessages('src/components/x.ts', code)).toHaveLength(2);
    expect(await restrictedImportMessages('src/server/x.ts', code)).toStrictEqual([]);
  });
});

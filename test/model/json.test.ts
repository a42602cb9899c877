import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from '../../src/model/index.js';

describe('redactSecrets', () => {
  it('masks every authorization string and every header value, at any depth', () => {
    const config = {
      tools: [
        { type: 'mcp', server_label: 'a', authorization: 'tok-1', headers: { 'X-Key': 'k-1', Other: 'k-2' } },
        { type: 'function', name: 'f' },
      ],
    };
    expect(redactSecrets(config)).toStrictEqual({
      tools: [
        { type: 'mcp', server_label: 'a', authorization: REDACTED, headers: { 'X-Key': REDACTED, Other: REDACTED } },
        { type: 'function', name: 'f' },
      ],
    });
  });

  it('leaves the input untouched and keeps null headers', () => {
    const tool = { authorization: 'tok', headers: null };
    expect(redactSecrets(tool)).toStrictEqual({ authorization: REDACTED, headers: null });
    expect(tool.authorization).toBe('tok');
  });
});

import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/server/index.js';
import { connect, wsUrl } from './realtime-test-client.js';

describe('react-realtime-session emulator (CLI)', () => {
  it('starts the emulator on the port given and prints where', async () => {
    const lines: string[] = [];
    const running = await runCli(['emulator', '--port', '0', '--api-key', 'sk-cli-test'], (line) => lines.push(line));
    if (running === undefined) throw new Error('expected the emulator to start');
    expect(lines[0]).toContain(running.url);
    expect(lines.join('\n')).not.toContain('sk-cli-test');
    const client = await connect(wsUrl(running.url), { apiKey: 'sk-cli-test' });
    await client.next('session.created');
    await client.close();
    await running.close();
  });

  it('prints usage for anything else', async () => {
    const lines: string[] = [];
    expect(await runCli([], (line) => lines.push(line))).toBeUndefined();
    expect(lines[0]).toContain('Usage: react-realtime-session emulator');
  });

  it('refuses a bad port', async () => {
    await expect(runCli(['emulator', '--port', '70000'], () => undefined)).rejects.toThrow('--port');
  });
});

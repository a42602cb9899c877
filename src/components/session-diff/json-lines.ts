import { isPlainObject, isSessionFieldPath, type RealtimeSessionFieldPath } from '../../model/index.js';

/** One line of a session config printed as JSON. */
export interface SessionJsonLine {
  readonly text: string;
  /** The field the line belongs to; braces and keys around fields belong to none. */
  readonly field?: RealtimeSessionFieldPath;
  /** True on the first line of a field, where its key is. */
  readonly first?: boolean;
}

const pad = (depth: number) => '  '.repeat(depth);

/** `"key": value` at `depth`, over as many lines as the value takes, each tagged with `field`. */
function member(
  key: string,
  value: unknown,
  depth: number,
  last: boolean,
  field: RealtimeSessionFieldPath | undefined,
): SessionJsonLine[] {
  const body = (JSON.stringify(value, null, 2) ?? 'null').split('\n');
  return body.map((line, index) => {
    const text = `${pad(depth)}${index === 0 ? `${JSON.stringify(key)}: ` : ''}${line}${index === body.length - 1 && !last ? ',' : ''}`;
    return field === undefined ? { text } : index === 0 ? { text, field, first: true } : { text, field };
  });
}

/**
 * A session config's wire JSON as pretty-printed lines (two-space indent,
 * like `JSON.stringify(json, null, 2)`), each tagged with the session field
 * it belongs to: top-level keys are fields, and under `audio` each key of
 * `input` and `output` is one. So a view can colour a field's lines by its status.
 *
 * @example
 * ```ts
 * sessionJsonLines({ model: 'gpt-realtime', audio: { output: { voice: 'marin' } } });
 * // [{ text: '{' }, { text: '  "model": "gpt-realtime",', field: 'model', first: true }, { text: '  "audio": {' },
 * //  { text: '    "output": {' }, { text: '      "voice": "marin"', field: 'audio.output.voice', first: true }, …]
 * ```
 */
export function sessionJsonLines(json: Readonly<Record<string, unknown>>): readonly SessionJsonLine[] {
  const lines: SessionJsonLine[] = [{ text: '{' }];
  const keys = Object.keys(json);
  keys.forEach((key, index) => {
    const value = json[key];
    const last = index === keys.length - 1;
    const topField = isSessionFieldPath(key) ? key : undefined;
    if (key !== 'audio' || !isPlainObject(value) || Object.keys(value).length === 0) {
      lines.push(...member(key, value, 1, last, topField));
      return;
    }
    lines.push({ text: `${pad(1)}"audio": {` });
    const sides = Object.keys(value);
    sides.forEach((side, sideIndex) => {
      const sideValue = value[side];
      const sideLast = sideIndex === sides.length - 1;
      if (!isPlainObject(sideValue) || Object.keys(sideValue).length === 0) {
        lines.push(...member(side, sideValue, 2, sideLast, undefined));
        return;
      }
      lines.push({ text: `${pad(2)}${JSON.stringify(side)}: {` });
      const names = Object.keys(sideValue);
      names.forEach((name, nameIndex) => {
        const path = `audio.${side}.${name}`;
        lines.push(
          ...member(
            name,
            sideValue[name],
            3,
            nameIndex === names.length - 1,
            isSessionFieldPath(path) ? path : undefined,
          ),
        );
      });
      lines.push({ text: `${pad(2)}}${sideLast ? '' : ','}` });
    });
    lines.push({ text: `${pad(1)}}${last ? '' : ','}` });
  });
  lines.push({ text: '}' });
  return lines;
}

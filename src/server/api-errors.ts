/*
 * The Realtime API's validation errors, worded as the API words them. The
 * model reports a `ConfigIssue` in the kit's terms (`out_of_range`, "must be
 * between 0.25 and 1.5"); a client written against the real API matches on
 * the API's codes (`decimal_above_max_value`) and may show its messages, so
 * the emulator translates every issue whose API wording is known. Issues the
 * API words in ways that are not published keep the kit's code and message.
 */
import type { ConfigIssue } from '../model/index.js';
import { describeValue } from './guards.js';
import { apiError, type ApiErrorBody } from './http.js';

type Json = Record<string, unknown>;

/** The value at a wire path such as `tools[2].parameters` or `audio.output.speed`, if there is one. */
export function jsonAtPath(json: unknown, path: string): unknown {
  let at: unknown = json;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (Array.isArray(at) && /^\d+$/.test(part)) at = at[Number(part)];
    else if (typeof at === 'object' && at !== null && !Array.isArray(at)) at = (at as Json)[part];
    else return undefined;
  }
  return at;
}

/** `'a', 'b', and 'c'`: how the API lists the values it supports. */
function supportedValues(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  if (quoted.length < 2) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1) ?? ''}`;
}

/**
 * The API's error for a validation issue of a config under `prefix`
 * (`session` for `session.update`; `''` when the issue's path is already the
 * param, as for a client-secret request), given the config the issue was
 * found in (to read the offending value for the message).
 *
 * @example
 * ```ts
 * apiErrorOfIssue({ path: 'audio.output.speed', code: 'out_of_range', message: '…', accepts: { min: 0.25, max: 1.5 } }, config);
 * // { code: 'decimal_above_max_value', param: 'session.audio.output.speed',
 * //   message: "Invalid 'session.audio.output.speed': decimal above maximum value. Expected a value <= 1.5, but got 3 instead." }
 * ```
 */
export function apiErrorOfIssue(issue: ConfigIssue, config: unknown, prefix = 'session'): ApiErrorBody {
  const param = issue.path === '' || prefix === '' ? issue.path || prefix : `${prefix}.${issue.path}`;
  const value = jsonAtPath(config, issue.path);
  const { accepts } = issue;
  switch (issue.code) {
    case 'too_long':
      if (typeof value === 'string' && accepts?.maxLength !== undefined) {
        return apiError(
          'string_above_max_length',
          `Invalid '${param}': string too long. Expected a string with maximum length ${accepts.maxLength}, but got a string with length ${value.length} instead.`,
          param,
        );
      }
      break;
    case 'out_of_range':
      if (typeof value === 'number' && accepts !== undefined) {
        const kind = accepts.integer === true ? 'integer' : 'decimal';
        if (accepts.max !== undefined && value > accepts.max) {
          return apiError(
            `${kind}_above_max_value`,
            `Invalid '${param}': ${kind} above maximum value. Expected a value <= ${accepts.max}, but got ${value} instead.`,
            param,
          );
        }
        if (accepts.min !== undefined && value < accepts.min) {
          return apiError(
            `${kind}_below_min_value`,
            `Invalid '${param}': ${kind} below minimum value. Expected a value >= ${accepts.min}, but got ${value} instead.`,
            param,
          );
        }
      }
      break;
    case 'not_integer':
      return apiError(
        'invalid_type',
        `Invalid type for '${param}': expected an integer, but got a decimal number instead.`,
        param,
      );
    case 'required':
      if (value === undefined)
        return apiError('missing_required_parameter', `Missing required parameter: '${param}'.`, param);
      if (typeof value === 'string') {
        return apiError(
          'empty_string',
          `Invalid '${param}': empty string. Expected a string with minimum length 1, but got an empty string instead.`,
          param,
        );
      }
      if (Array.isArray(value) && value.length === 0) {
        return apiError(
          'empty_array',
          `Invalid '${param}': empty array. Expected an array with minimum length 1, but got an empty array instead.`,
          param,
        );
      }
      break;
    case 'invalid_value':
      if (typeof value === 'string' && accepts?.values !== undefined) {
        return apiError(
          'invalid_value',
          `Invalid value: '${describeValue(value)}'. Supported values are: ${supportedValues(accepts.values)}.`,
          param,
        );
      }
      break;
    case 'invalid_type':
      return apiError('invalid_type', `Invalid type for '${param}': ${issue.message}.`, param);
    default:
      break;
  }
  return apiError(issue.code, `Invalid '${param}': ${issue.message}.`, param);
}

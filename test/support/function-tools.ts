import type { JsonObject } from '../../src/model/index.js';

/**
 * `count` function tools of a bike shop's voice agent, each with a realistic
 * parameters JSON Schema of about 2 kB (`fieldsPerTool` = 15), for benchmarks
 * and load tests that need a config of real size.
 */
export function shopFunctionTools(count: number, fieldsPerTool = 15): JsonObject[] {
  return Array.from({ length: count }, (_, tool) => {
    const properties: Record<string, JsonObject> = {};
    for (let field = 0; field < fieldsPerTool; field++) {
      properties[`field_${field}`] = {
        type: field % 3 === 0 ? 'integer' : field % 3 === 1 ? 'string' : 'boolean',
        description: `Parameter ${field} of tool ${tool}: what the model should put here, and why it matters.`,
        ...(field % 4 === 0 ? { enum: ['a', 'b', 'c'] } : {}),
      };
    }
    return {
      type: 'function',
      name: `shop_tool_${tool}`,
      description: `Looks up shop data of kind ${tool}: stock, prices, opening hours and repair slots.`,
      parameters: {
        type: 'object',
        properties,
        required: Object.keys(properties).slice(0, 2),
        additionalProperties: false,
      },
    };
  });
}

import type { RealtimeToolInit } from '../../src/index.js';

/**
 * Two function tools of a bike shop's voice agent, with small parameter
 * schemas: enough for stories that need real tools to choose between.
 */
export const SHOP_FUNCTION_TOOLS: readonly RealtimeToolInit[] = [
  {
    type: 'function',
    name: 'lookup_order',
    description: 'Finds an order by its number and says where it is.',
    parameters: {
      type: 'object',
      properties: { order_id: { type: 'string', description: 'The order number, such as B-1042.' } },
      required: ['order_id'],
      additionalProperties: false,
    },
  },
  {
    type: 'function',
    name: 'book_repair',
    description: 'Books a repair slot for a bike.',
    parameters: {
      type: 'object',
      properties: {
        day: { type: 'string', description: 'The day, as YYYY-MM-DD.' },
        service: { type: 'string', enum: ['tune_up', 'flat_tyre', 'brakes'] },
      },
      required: ['day', 'service'],
      additionalProperties: false,
    },
  },
];

/** The names of {@link SHOP_FUNCTION_TOOLS}, in order. */
export const SHOP_FUNCTION_TOOL_NAMES = ['lookup_order', 'book_repair'] as const;

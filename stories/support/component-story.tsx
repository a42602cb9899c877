import { useState, type ComponentType } from 'react';
import type { SessionRequestProps } from '../../src/components/index.js';
import type { RealtimeSessionCreateRequest } from '../../src/model/index.js';

/** The argTypes every form component's stories share: events grouped, requests and stores not editable as controls. */
export const SESSION_COMPONENT_ARG_TYPES = {
  onValueChange: { table: { category: 'Events' } },
  value: { control: false },
  defaultValue: { control: false },
  session: { control: false },
} as const;

/** The readout most stories show: the whole request as JSON. */
const requestJson = (request: RealtimeSessionCreateRequest) => JSON.stringify(request.toJson(), null, 2);

/**
 * A form component controlled by the story: the story owns the request,
 * passes each change to the `onValueChange` action, and shows a readout of it
 * (by default the whole request, labelled "Request JSON").
 */
export function ControlledHarness<P extends SessionRequestProps>(props: {
  readonly Component: ComponentType<P>;
  readonly args: P;
  readonly initial: RealtimeSessionCreateRequest;
  readonly readoutLabel?: string;
  readonly readout?: (request: RealtimeSessionCreateRequest) => string;
}) {
  const { Component, args, readoutLabel = 'Request JSON', readout = requestJson } = props;
  const [value, setValue] = useState(props.initial);
  return (
    <>
      <Component
        {...args}
        value={value}
        onValueChange={(next: RealtimeSessionCreateRequest) => {
          args.onValueChange?.(next);
          setValue(next);
        }}
      />
      <pre aria-label={readoutLabel} className="rrs-story-panel">
        {readout(value)}
      </pre>
    </>
  );
}

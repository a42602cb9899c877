/**
 * What the getter of a number setting returns (speed, a VAD threshold, a token
 * limit…): spread it on `NumberInput`, or on your own number box and slider.
 * A typed value comes as `dragging: false` and is sent at once; a slider
 * position as `dragging: true`, coalesced to a few updates per drag.
 */
export interface NumberFieldInputProps {
  readonly id: string;
  /** The number box's accessible name, when no visible `label` points at `id`. */
  readonly 'aria-label'?: string;
  readonly 'aria-describedby': string | undefined;
  /** The value to show; `undefined` leaves the box empty, with `placeholder` greyed in it. */
  readonly value: number | undefined;
  /** The value the session uses when none is set: greyed in the empty box, and where the slider rests. */
  readonly placeholder: number | undefined;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Draws a slider beside the box. */
  readonly slider?: boolean;
  readonly disabled: boolean;
  readonly invalid: boolean;
  readonly onValueChange: (value: number | undefined, how: { readonly dragging: boolean }) => void;
  /** The control's text does not parse (`message`), or parses again (`undefined`). */
  readonly onLocalError: (message: string | undefined) => void;
  readonly onBlur: () => void;
}

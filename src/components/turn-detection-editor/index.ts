export { TurnDetectionEditor, type TurnDetectionEditorProps } from './turn-detection-editor.js';
export {
  DEFAULT_EAGERNESS,
  TURN_DETECTION_EAGERNESS,
  TURN_DETECTION_MODES,
  useTurnDetectionField,
  type TurnDetectionControlKey,
  type TurnDetectionFieldState,
  type TurnDetectionFlagKey,
  type TurnDetectionMode,
  type TurnDetectionNumberInputProps,
  type TurnDetectionNumberKey,
  type UseTurnDetectionFieldProps,
  type UseTurnDetectionFieldReturn,
} from './use-turn-detection-field.js';
export type { SubfieldError } from '../field/subfield-errors.js';

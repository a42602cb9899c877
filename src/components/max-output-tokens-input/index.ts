export { MaxOutputTokensInput, type MaxOutputTokensInputProps } from './max-output-tokens-input.js';
export {
  useMaxOutputTokensField,
  type MaxOutputTokensChoice,
  type MaxOutputTokensFieldState,
  type TokenLimitInputProps,
  type UseMaxOutputTokensFieldProps,
  type UseMaxOutputTokensFieldReturn,
} from './use-max-output-tokens-field.js';

export {
  SessionConfigForm,
  SESSION_CONFIG_SECTIONS,
  type SessionConfigFormProps,
  type SessionConfigSectionId,
} from './session-config-form.js';

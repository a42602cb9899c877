export { AudioControls, type AudioControlsProps } from './audio-controls.js';

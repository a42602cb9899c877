import type { Decorator, Preview } from '@storybook/react-vite';
import '../src/styles.css';
import './preview.css';

/** Paints the story on the theme's surface, so dark mode screenshots show what users see. */
const withTheme: Decorator = (Story, context) => {
  const theme = context.globals['theme'] as string | undefined;
  return (
    <div className="rrs-story" data-theme={theme === 'light' || theme === 'dark' ? theme : undefined}>
      <Story />
    </div>
  );
};

const preview: Preview = {
  parameters: {
    controls: { matchers: { color: /(background|color)$/i } },
    a11y: { test: 'error' },
    layout: 'fullscreen',
    // The Studio is what `npm start` opens first: the whole kit on one live session.
    options: { storySort: { order: ['Session', ['Studio', '*'], 'Components', 'Model'] } },
  },
  globalTypes: {
    theme: {
      description: 'Colour scheme of the components',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['system', 'light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'system' },
  decorators: [withTheme],
  tags: ['autodocs'],
};

export default preview;

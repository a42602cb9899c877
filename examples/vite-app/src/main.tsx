import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Optional: the components' stylesheet (CSS variables, light and dark).
import 'react-realtime-session/styles.css';
import './app.css';
import { App } from './App';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

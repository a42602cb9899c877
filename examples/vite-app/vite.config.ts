import react from '@vitejs/plugin-react';
import { realtimeDevServer } from 'react-realtime-session/server';
import { defineConfig } from 'vite';

// realtimeDevServer() gives `vite` and `vite preview` a Realtime endpoint at their own origin:
// the local emulator (no API key needed), or OpenAI through minted client secrets when
// OPENAI_API_KEY is set. The page finds it by itself, so the app passes no URL.
export default defineConfig({
  plugins: [react(), realtimeDevServer()],
});

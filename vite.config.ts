import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The twin is served from one origin and works offline: nothing here points elsewhere.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5173, strictPort: true },
});

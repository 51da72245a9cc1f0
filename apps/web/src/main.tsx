import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App.tsx';
import './styles.css';

// The server's Content-Security-Policy forbids eval; zod would otherwise probe `Function('')` on its
// first parse, which the browser reports as a CSP violation (docs/security.md).
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

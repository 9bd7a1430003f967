// Entry point of the web client: styles, the app, and the service worker for offline starts.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { registerServiceWorker } from './app/update.js';
import './styles/base.css';
import './styles/components.css';
import './styles/conversation.css';
import './styles/account.css';
import './styles/alerts.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
void registerServiceWorker();

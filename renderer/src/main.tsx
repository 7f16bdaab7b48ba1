// Start-up: read the Local API token, build the shared services, render the board.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { desktopBridge } from './api/bridge.js';
import { readLocalToken } from './api/token.js';
import { App } from './app/App.js';
import { InLanguage } from './app/InLanguage.js';
import { ServicesContext } from './app/hooks.js';
import { createServices } from './app/services.js';
import { ManagerPinProvider } from './features/store/ManagerPin.js';
import './styles/base.css';
import './styles/board.css';
import './styles/banners.css';
import './styles/detail.css';
import './styles/forms.css';
import './styles/instore.css';
import './styles/history.css';

const root = createRoot(document.getElementById('root')!);
// Inside the desktop shell the preload bridge is the transport; in a browser, the token is.
const bridge = desktopBridge();
const token = bridge ? '' : readLocalToken();

if (!bridge && !token) {
  root.render(
    <main className="no-token">
      <h1>Not signed in</h1>
      <p>
        Open this screen with the link the connector prints at start-up (it ends in{' '}
        <code>#token=…</code>), or from the desktop app.
      </p>
    </main>,
  );
} else {
  // In a browser the UI is served by the connector itself: the Local API is this page's origin.
  const services = createServices(window.location.origin, token ?? '', bridge);
  services.start();
  root.render(
    <StrictMode>
      <ServicesContext.Provider value={services}>
        <InLanguage>
          <ManagerPinProvider>
            <App />
          </ManagerPinProvider>
        </InLanguage>
      </ServicesContext.Provider>
    </StrictMode>,
  );
}

// Start-up: read the Local API token, build the shared services, render the board.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseTransport } from './api/transport.js';
import { App } from './app/App.js';
import { InLanguage } from './app/InLanguage.js';
import { ServicesContext } from './app/hooks.js';
import { createServices } from './app/services.js';
import { ManagerPinProvider } from './ui/ManagerPin.js';
import { SIGN_IN_TEXTS } from './app/texts.js';
import { languageFor } from './i18n/language.js';
import './styles/base.css';
import './styles/board.css';
import './styles/cards.css';
import './styles/banners.css';
import './styles/detail.css';
import './styles/forms.css';
import './styles/instore.css';
import './styles/history.css';
import './styles/missed.css';
import './styles/delivery.css';

const root = createRoot(document.getElementById('root')!);
// Inside the desktop shell the preload bridge is the transport; in a browser, the token is.
const transport = chooseTransport();

if (!transport) {
  // No settings without the connector: the browser's preferred language decides.
  const language = languageFor(navigator.languages);
  document.documentElement.lang = language;
  const t = SIGN_IN_TEXTS[language]; // not a component: no context to read
  root.render(
    <main className="no-token">
      <h1>{t.title}</h1>
      <p>
        {t.before} <code>#token=…</code>
        {t.after}
      </p>
    </main>,
  );
} else {
  const services = createServices(transport);
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

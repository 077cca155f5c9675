import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { appI18n, startLanguage } from './i18n';
import './styles.css';

await startLanguage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={appI18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);

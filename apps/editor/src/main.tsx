import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectLang, strings } from './i18n';
import './styles.css';

const lang = detectLang(location.search, navigator.languages ?? [navigator.language]);
document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
document.title = strings(lang).appTitle;
createRoot(document.getElementById('root')!).render(<App lang={lang} />);

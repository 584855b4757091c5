/** The app itself (loaded by main.tsx once the first view's data and code are on their way). */
import { createRoot, hydrateRoot } from 'react-dom/client';
import { adoptServerCharts } from './components/chartPictures';
import { preloadPage } from './pages';
import { Root } from './Root';
import 'antd/dist/antd.css';
import './styles.css';

/**
 * Render the app into `root`, or, when `root` holds the view as the server rendered it, bring
 * that markup to life (hydrate it) once the view's page code is here: the first render in the
 * browser must be the server's.
 */
export async function mount(root: HTMLElement, serverRendered: boolean): Promise<void> {
  if (!serverRendered) {
    createRoot(root).render(<Root />);
    return;
  }
  await preloadPage(window.location.hash);
  adoptServerCharts(root);
  hydrateRoot(root, <Root />);
}

/** The app itself (loaded by main.tsx once the first view's data and code are on their way). */
import { createRoot, hydrateRoot } from 'react-dom/client';
import { serverPathOf } from '../../src/server/server-rendered';
import { adoptServerCharts } from './components/chartPictures';
import { preloadPage } from './pages';
import { Root } from './Root';
import 'antd/dist/antd.css';
import './styles.css';

/**
 * Render the app into `root`, or, when `root` holds the view at `serverHash` as the server
 * rendered it, bring that markup to life (hydrate it) once the view's page code is here: the
 * first render in the browser must be the server's. A link followed meanwhile (the markup's links
 * work before the app does) leads elsewhere: that view is rendered afresh.
 */
export async function mount(root: HTMLElement, serverHash: string | null): Promise<void> {
  if (serverHash !== null) {
    await preloadPage(window.location.hash);
    if (serverPathOf(window.location.hash) === serverPathOf(serverHash)) {
      adoptServerCharts(root);
      hydrateRoot(root, <Root />);
      return;
    }
    root.replaceChildren();
  }
  createRoot(root).render(<Root />);
}

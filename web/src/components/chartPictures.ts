/**
 * Charts as the server drew them (SVG, see Chart.tsx), by chart id: taken from the page before
 * React hydrates it, for each chart to show until its live one is drawn. No ECharts here: the
 * boot code that reads them does not load the chart library.
 */
const pictures = new Map<string, string>();

/** Keep the server's chart pictures under `root`. */
export function adoptServerCharts(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-chart-picture]')) {
    const id = el.dataset.chartPicture;
    if (id) pictures.set(id, el.innerHTML);
  }
}

/** The server's picture of chart `id` (once: a later mount draws it live only). */
export function takeServerChart(id: string): string | null {
  const svg = pictures.get(id) ?? null;
  pictures.delete(id);
  return svg;
}

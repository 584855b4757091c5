/**
 * The app's colours, in one place: Ant Design's theme (boot.tsx) and the ECharts charts use the
 * same ones. Ant Design runs in zero-runtime mode on its precompiled stylesheet, whose every
 * colour, size and radius is a CSS variable (`var(--ant-color-primary)`); the theme below sets
 * those variables at run time (the ConfigProvider's `css-var-…` class), so the tokens apply
 * without generating component styles in the browser.
 */
import type { ThemeConfig } from 'antd';

export const COLORS = {
  /** 政务蓝: buttons, links, selection, the main series of a chart. */
  primary: '#1d4f91',
  /** The navigation bar. */
  nav: '#0f2b52',
  /** A second series (e.g. provinces beside years). */
  secondary: '#2f7ed8',
  good: '#389e0d',
  fair: '#d4b106',
  warn: '#faad14',
  late: '#d46b08',
  bad: '#cf1322',
  muted: '#8c8c8c',
} as const;

/** Series colours of charts with several units. */
export const PALETTE = [
  COLORS.primary,
  COLORS.secondary,
  '#13a8a8',
  '#52c41a',
  COLORS.warn,
  '#fa541c',
  '#722ed1',
];

export const THEME: ThemeConfig = {
  // Styles from antd/dist/antd.css, not generated at run time: the first view renders in half the time.
  zeroRuntime: true,
  token: {
    colorPrimary: COLORS.primary,
    colorInfo: COLORS.primary,
    colorLink: COLORS.primary,
    colorSuccess: COLORS.good,
    colorError: COLORS.bad,
    borderRadius: 4,
  },
  components: {
    Layout: { siderBg: COLORS.nav, headerBg: '#fff', headerHeight: 56, headerPadding: '0 24px' },
    Menu: { darkItemBg: COLORS.nav, darkSubMenuItemBg: COLORS.nav, darkItemSelectedBg: COLORS.primary },
  },
};

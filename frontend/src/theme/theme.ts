import { alpha, createTheme, getContrastRatio, type Theme } from '@mui/material/styles';

/** "Performance Black": the design system's exact values (seed 000). The theme lives only here. */
export const palette = {
  background: '#FFFFFF',
  sidebar: '#1A1A1A',
  primary: '#0066FF',
  success: '#10B981',
  warning: '#F59E0B',
  error: '#EF4444',
  text: '#334155',
  // Supporting slate shades for secondary text, borders and quiet surfaces.
  textSecondary: '#64748B',
  border: '#E2E8F0',
  surface: '#F8FAFC',
  sidebarText: '#CBD5E1',
  sidebarHover: '#2A2A2A',
} as const;

export const SIDEBAR_WIDTH = 248;

const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

/** A tenant's brand colour when it is a usable #RRGGBB, else the design system's electric blue. */
export function brandPrimary(color: string | null | undefined): string {
  return isHexColor(color) ? color.toUpperCase() : palette.primary;
}

/** Whether a colour is hard to read as text or an outline on the white background (WCAG 3:1). */
export function isLowContrastOnWhite(color: string): boolean {
  return getContrastRatio(color, palette.background) < 3;
}

export function createAppTheme(primaryColor?: string | null): Theme {
  const primary = brandPrimary(primaryColor);
  return createTheme({
    palette: {
      mode: 'light',
      primary: { main: primary },
      success: { main: palette.success, contrastText: '#FFFFFF' },
      warning: { main: palette.warning },
      error: { main: palette.error, contrastText: '#FFFFFF' },
      text: { primary: palette.text, secondary: palette.textSecondary },
      background: { default: palette.background, paper: palette.background },
      divider: palette.border,
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: '"Inter", "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
      h1: { fontSize: '1.75rem', fontWeight: 700, letterSpacing: '-0.01em' },
      h2: { fontSize: '1.375rem', fontWeight: 700 },
      h3: { fontSize: '1.125rem', fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 600 },
      overline: { fontWeight: 600, letterSpacing: '0.08em' },
    },
    components: {
      MuiCssBaseline: {
        styleOverrides: { body: { backgroundColor: palette.background, color: palette.text } },
      },
      MuiButton: {
        defaultProps: { disableElevation: true },
        styleOverrides: { root: { borderRadius: 8 } },
      },
      MuiPaper: {
        defaultProps: { elevation: 0 },
        styleOverrides: { outlined: { borderColor: palette.border } },
      },
      MuiCard: {
        defaultProps: { variant: 'outlined' },
      },
      MuiTableCell: {
        styleOverrides: {
          head: { fontWeight: 600, color: palette.textSecondary, backgroundColor: palette.surface },
        },
      },
      MuiChip: {
        styleOverrides: { root: { fontWeight: 600 } },
      },
      MuiTextField: {
        defaultProps: { fullWidth: true, size: 'small' },
      },
      MuiAppBar: {
        styleOverrides: {
          root: { backgroundColor: palette.background, color: palette.text, borderBottom: `1px solid ${palette.border}` },
        },
      },
      MuiListItemButton: {
        styleOverrides: {
          root: ({ theme }) => ({
            '&.Mui-selected': { backgroundColor: alpha(theme.palette.primary.main, 0.18) },
          }),
        },
      },
    },
  });
}

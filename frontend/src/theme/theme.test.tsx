import { Button } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthContext } from '@/auth/AuthProvider';
import { tenantSettingsQuery } from '@/features/settings/queries';
import { fakeAuth, signedInAs } from '@/test/render';
import { BrandingProvider, useBranding } from './BrandingProvider';
import { brandPrimary, createAppTheme, isLowContrastOnWhite, palette } from './theme';

beforeEach(() => {
  vi.stubGlobal('fetch', () => new Promise(() => undefined));
});

describe('Performance Black theme', () => {
  it('uses the design system values', () => {
    const theme = createAppTheme();
    expect(theme.palette.primary.main).toBe('#0066FF');
    expect(theme.palette.success.main).toBe('#10B981');
    expect(theme.palette.warning.main).toBe('#F59E0B');
    expect(theme.palette.error.main).toBe('#EF4444');
    expect(theme.palette.text.primary).toBe('#334155');
    expect(theme.palette.background.default).toBe('#FFFFFF');
    expect(palette.sidebar).toBe('#1A1A1A');
  });

  it("takes a tenant's brand colour as the primary colour, with readable text on it", () => {
    const theme = createAppTheme('#f59e0b');
    expect(theme.palette.primary.main).toBe('#F59E0B');
    expect(theme.palette.primary.contrastText).toBe('rgba(0, 0, 0, 0.87)');
    expect(createAppTheme('#1E3A8A').palette.primary.contrastText).toBe('#fff');
  });

  it('falls back to electric blue for a missing or malformed colour', () => {
    expect(brandPrimary(null)).toBe('#0066FF');
    expect(brandPrimary('red')).toBe('#0066FF');
    expect(brandPrimary('#12345')).toBe('#0066FF');
    expect(brandPrimary('javascript:alert(1)')).toBe('#0066FF');
  });

  it('flags colours that are hard to read on white', () => {
    expect(isLowContrastOnWhite('#FDE68A')).toBe(true);
    expect(isLowContrastOnWhite('#0066FF')).toBe(false);
  });
});

function Probe() {
  const theme = useTheme();
  const { previewPrimaryColor } = useBranding();
  return (
    <>
      <span data-testid="primary">{theme.palette.primary.main}</span>
      <Button onClick={() => previewPrimaryColor('#7C3AED')}>preview</Button>
      <Button onClick={() => previewPrimaryColor(null)}>end preview</Button>
    </>
  );
}

function renderWithSettings(primaryColor: string, auth = signedInAs(['AGENT'])) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(tenantSettingsQuery.queryKey, {
    companyName: 'Acme',
    legalName: null,
    nmlsId: null,
    phone: null,
    email: null,
    website: null,
    address: { line1: null, line2: null, city: null, state: null, postalCode: null },
    timeZone: 'America/Chicago',
    locale: 'en-US',
    branding: { logoUrl: null, primaryColor },
    version: 3,
    updatedAt: null,
    updatedBy: null,
  });
  render(
    <QueryClientProvider client={queryClient}>
      <AuthContext.Provider value={auth}>
        <BrandingProvider>
          <Probe />
        </BrandingProvider>
      </AuthContext.Provider>
    </QueryClientProvider>,
  );
}

describe('BrandingProvider', () => {
  it("applies the tenant's saved brand colour once signed in", () => {
    renderWithSettings('#16A34A');
    expect(screen.getByTestId('primary')).toHaveTextContent('#16A34A');
  });

  it('shows the colour being chosen live, and the saved one again when the preview ends', () => {
    renderWithSettings('#16A34A');
    act(() => screen.getByRole('button', { name: 'preview' }).click());
    expect(screen.getByTestId('primary')).toHaveTextContent('#7C3AED');
    act(() => screen.getByRole('button', { name: 'end preview' }).click());
    expect(screen.getByTestId('primary')).toHaveTextContent('#16A34A');
  });

  it('uses the default theme when nobody is signed in (login page)', () => {
    renderWithSettings('#16A34A', fakeAuth());
    expect(screen.getByTestId('primary')).toHaveTextContent('#0066FF');
  });

  it('ignores a saved colour that is not a hex colour', () => {
    renderWithSettings('url(x)');
    expect(screen.getByTestId('primary')).toHaveTextContent('#0066FF');
  });
});

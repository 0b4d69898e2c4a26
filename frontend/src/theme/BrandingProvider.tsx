import { CssBaseline, ThemeProvider } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useAuth } from '@/auth/AuthProvider';
import { tenantSettingsQuery } from '@/features/settings/queries';
import { createAppTheme, isHexColor } from './theme';

interface BrandingContextValue {
  /** The tenant's saved logo, if any. */
  logoUrl: string | null;
  /** Shows a colour across the app before it is saved (the settings form); null ends the preview. */
  previewPrimaryColor: (color: string | null) => void;
}

const BrandingContext = createContext<BrandingContextValue>({ logoUrl: null, previewPrimaryColor: () => undefined });

export const useBranding = () => useContext(BrandingContext);

/**
 * The MUI theme, with the tenant's brand colour applied live: from the saved tenant settings, or
 * from the colour an admin is choosing right now.
 */
export function BrandingProvider({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const [preview, setPreview] = useState<string | null>(null);
  const settings = useQuery({ ...tenantSettingsQuery, enabled: status === 'signedIn' });
  const saved = status === 'signedIn' ? settings.data?.branding.primaryColor : null;
  const primary = isHexColor(preview) ? preview : saved;
  const theme = useMemo(() => createAppTheme(primary), [primary]);
  const value = useMemo(
    () => ({
      logoUrl: (status === 'signedIn' && settings.data?.branding.logoUrl) || null,
      previewPrimaryColor: setPreview,
    }),
    [status, settings.data],
  );
  return (
    <BrandingContext.Provider value={value}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        {children}
      </ThemeProvider>
    </BrandingContext.Provider>
  );
}

import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { palette } from '@/theme/theme';

/** Sign-in and sign-up: the brand on charcoal beside the form (stacked on phones). */
export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: { xs: 'column', md: 'row' } }}>
      <Box
        sx={{
          bgcolor: palette.sidebar,
          color: '#FFFFFF',
          flex: { md: '0 0 42%' },
          px: { xs: 3, md: 6 },
          py: { xs: 2.5, md: 6 },
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
        }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25 }}>
          <Box aria-hidden sx={{ width: 32, height: 32, borderRadius: 1.5, bgcolor: 'primary.main', display: 'grid', placeItems: 'center' }}>
            <Typography sx={{ fontWeight: 800, color: 'primary.contrastText' }}>C</Typography>
          </Box>
          <Typography sx={{ fontWeight: 700, fontSize: 20 }}>ChosenCRM</Typography>
        </Box>
        <Box sx={{ display: { xs: 'none', md: 'block' }, maxWidth: 420 }}>
          <Typography sx={{ fontSize: 34, fontWeight: 800, lineHeight: 1.15, letterSpacing: '-0.02em' }}>
            Every lead worked. Every call counted.
          </Typography>
          <Typography sx={{ mt: 2, color: palette.sidebarText, fontSize: 17 }}>
            The CRM for mortgage loan officers and the teams that lead them.
          </Typography>
        </Box>
        <Typography sx={{ display: { xs: 'none', md: 'block' }, color: palette.textSecondary, fontSize: 13 }}>
          © ChosenCRM
        </Typography>
      </Box>
      <Box sx={{ flex: 1, display: 'flex', alignItems: { md: 'center' }, justifyContent: 'center', px: { xs: 2.5, sm: 4 }, py: { xs: 4, md: 6 } }}>
        <Box sx={{ width: '100%', maxWidth: 440 }}>
          <Typography variant="h1">{title}</Typography>
          {subtitle && (
            <Typography color="text.secondary" sx={{ mt: 1 }}>
              {subtitle}
            </Typography>
          )}
          <Box sx={{ mt: 3.5 }}>{children}</Box>
        </Box>
      </Box>
    </Box>
  );
}

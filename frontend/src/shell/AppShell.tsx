import MenuIcon from '@mui/icons-material/Menu';
import { AppBar, Box, Chip, Drawer, IconButton, Toolbar, Typography, useMediaQuery, useTheme } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Outlet } from 'react-router';
import { meQuery } from '@/auth/meQuery';
import { SIDEBAR_WIDTH } from '@/theme/theme';
import { NotificationsSlot } from './NotificationsSlot';
import { Sidebar } from './Sidebar';
import { UserMenu } from './UserMenu';

/** Sidebar (permanent on desktop, a drawer on phones), header with tenant and user, and the page. */
export function AppShell() {
  const theme = useTheme();
  const desktop = useMediaQuery(theme.breakpoints.up('md'), { noSsr: true });
  const [drawerOpen, setDrawerOpen] = useState(false);
  const me = useQuery(meQuery);
  const tenant = me.data?.tenant;

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      {desktop ? (
        <Box component="aside" sx={{ width: SIDEBAR_WIDTH, flexShrink: 0, position: 'fixed', inset: '0 auto 0 0' }}>
          <Sidebar />
        </Box>
      ) : (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          slotProps={{ paper: { sx: { width: SIDEBAR_WIDTH, border: 0 } } }}
        >
          <Sidebar onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Box sx={{ flex: 1, minWidth: 0, ml: desktop ? `${SIDEBAR_WIDTH}px` : 0, display: 'flex', flexDirection: 'column' }}>
        <AppBar position="sticky" elevation={0}>
          <Toolbar sx={{ gap: 1, minHeight: { xs: 56, sm: 64 } }}>
            {!desktop && (
              <IconButton edge="start" aria-label="Open navigation" onClick={() => setDrawerOpen(true)}>
                <MenuIcon />
              </IconButton>
            )}
            <Box sx={{ flex: 1, minWidth: 0, display: 'flex', alignItems: 'center', gap: 1 }}>
              <Typography
                data-testid="tenant-name"
                noWrap
                sx={{ fontWeight: 600, fontSize: { xs: 15, sm: 16 } }}
                title={tenant?.name}
              >
                {tenant?.name ?? ''}
              </Typography>
              {tenant?.status === 'SUSPENDED' && <Chip size="small" color="warning" label="Suspended" />}
            </Box>
            <NotificationsSlot />
            <UserMenu />
          </Toolbar>
        </AppBar>
        <Box component="main" sx={{ flex: 1, px: { xs: 2, sm: 3, md: 4 }, py: { xs: 2.5, sm: 3.5 }, maxWidth: 1280, width: '100%' }}>
          <Outlet />
        </Box>
      </Box>
    </Box>
  );
}

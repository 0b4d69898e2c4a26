import { Box, List, ListItemButton, ListItemIcon, ListItemText, ListSubheader, Typography } from '@mui/material';
import { NavLink, useLocation } from 'react-router';
import { useAuth } from '@/auth/AuthProvider';
import { useBranding } from '@/theme/BrandingProvider';
import { palette } from '@/theme/theme';
import { navigationFor } from './navigation';

function isActive(path: string, current: string): boolean {
  return path === '/' ? current === '/' : current === path || current.startsWith(`${path}/`);
}

/** The charcoal sidebar: brand, then the areas the user's roles may open. */
export function Sidebar({ onNavigate }: { onNavigate?: () => void }) {
  const { user } = useAuth();
  const { logoUrl } = useBranding();
  const location = useLocation();
  const sections = navigationFor(user?.roles);
  return (
    <Box
      component="nav"
      aria-label="Main"
      sx={{ height: '100%', bgcolor: palette.sidebar, color: palette.sidebarText, display: 'flex', flexDirection: 'column' }}
    >
      <Box sx={{ px: 2.5, py: 2.25, display: 'flex', alignItems: 'center', gap: 1.25, minHeight: 64 }}>
        {logoUrl ? (
          <Box component="img" src={logoUrl} alt="" sx={{ height: 28, maxWidth: 40, objectFit: 'contain' }} />
        ) : (
          <Box
            aria-hidden
            sx={{ width: 28, height: 28, borderRadius: 1.5, bgcolor: 'primary.main', display: 'grid', placeItems: 'center' }}
          >
            <Typography sx={{ color: 'primary.contrastText', fontWeight: 800, fontSize: 15 }}>C</Typography>
          </Box>
        )}
        <Typography sx={{ color: '#FFFFFF', fontWeight: 700, fontSize: 18, letterSpacing: '-0.01em' }}>ChosenCRM</Typography>
      </Box>
      <Box sx={{ flex: 1, overflowY: 'auto', pb: 2 }}>
        {sections.map((section) => (
          <List
            key={section.title}
            dense
            subheader={
              <ListSubheader
                disableSticky
                sx={{ bgcolor: 'transparent', color: palette.textSecondary, fontSize: 11, fontWeight: 700, letterSpacing: '0.08em', textTransform: 'uppercase', lineHeight: '32px', px: 2.5 }}
              >
                {section.title}
              </ListSubheader>
            }
          >
            {section.items.map((item) => {
              const active = isActive(item.path, location.pathname);
              return (
                <ListItemButton
                  key={item.path}
                  component={NavLink}
                  to={item.path}
                  end={item.path === '/'}
                  selected={active}
                  onClick={onNavigate}
                  sx={{
                    mx: 1.25,
                    my: 0.25,
                    borderRadius: 1.5,
                    color: active ? '#FFFFFF' : palette.sidebarText,
                    '&:hover': { bgcolor: palette.sidebarHover, color: '#FFFFFF' },
                    '&.Mui-selected': { color: '#FFFFFF', boxShadow: (t) => `inset 3px 0 0 ${t.palette.primary.main}` },
                    '&.Mui-selected:hover': { bgcolor: palette.sidebarHover },
                    '& .MuiListItemIcon-root': { color: active ? 'primary.light' : palette.textSecondary, minWidth: 36 },
                  }}
                >
                  <ListItemIcon>{item.icon}</ListItemIcon>
                  <ListItemText primary={item.label} slotProps={{ primary: { sx: { fontWeight: active ? 600 : 500, fontSize: 14 } } }} />
                </ListItemButton>
              );
            })}
          </List>
        ))}
      </Box>
    </Box>
  );
}

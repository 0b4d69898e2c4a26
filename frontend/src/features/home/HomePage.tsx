import ArrowForward from '@mui/icons-material/ArrowForward';
import { Box, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { roleLabel } from '@/auth/access';
import { useAuth } from '@/auth/AuthProvider';
import { meQuery } from '@/auth/meQuery';
import { PageHeader } from '@/components/PageHeader';
import { navigationFor } from '@/shell/navigation';

function greeting(hour: number): string {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function HomePage() {
  const { user } = useAuth();
  const me = useQuery(meQuery);
  const areas = navigationFor(user?.roles)
    .flatMap((section) => section.items)
    .filter((item) => item.area !== 'home');

  return (
    <>
      <PageHeader
        title={`${greeting(new Date().getHours())}, ${user?.firstName ?? ''}`}
        subtitle={me.data?.tenant ? `You're signed in to ${me.data.tenant.name}.` : undefined}
      />
      <Stack direction="row" spacing={1} sx={{ mb: 3, flexWrap: 'wrap' }} useFlexGap>
        {user?.roles.map((role) => <Chip key={role} label={roleLabel(role)} color="primary" variant="outlined" />)}
      </Stack>
      {areas.length > 0 ? (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(3, 1fr)' } }}>
          {areas.map((item) => (
            <Card key={item.path}>
              <CardActionArea component={Link} to={item.path} sx={{ height: '100%' }}>
                <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
                  <Box sx={{ color: 'primary.main', display: 'flex' }}>{item.icon}</Box>
                  <Typography sx={{ fontWeight: 600, flex: 1 }}>{item.label}</Typography>
                  <ArrowForward fontSize="small" sx={{ color: 'text.secondary' }} />
                </CardContent>
              </CardActionArea>
            </Card>
          ))}
        </Box>
      ) : (
        <Card>
          <CardContent>
            <Typography variant="h3">Your workspace</Typography>
            <Typography color="text.secondary" sx={{ mt: 1 }}>
              Leads, calls and your scoreboard will appear here as they are switched on for your company.
            </Typography>
          </CardContent>
        </Card>
      )}
    </>
  );
}

import { Box, Button, Typography } from '@mui/material';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Box sx={{ py: { xs: 6, sm: 10 }, textAlign: 'center', maxWidth: 520, mx: 'auto' }}>
      <Typography sx={{ fontSize: 64, fontWeight: 800, color: 'primary.main', lineHeight: 1 }}>404</Typography>
      <Typography variant="h1" sx={{ mt: 2 }}>
        Page not found
      </Typography>
      <Typography color="text.secondary" sx={{ mt: 1.5 }}>
        The page you were looking for doesn't exist or has moved.
      </Typography>
      <Button component={Link} to="/" variant="contained" sx={{ mt: 3 }}>
        Go to home
      </Button>
    </Box>
  );
}

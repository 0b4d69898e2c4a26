import LockOutlined from '@mui/icons-material/LockOutlined';
import { Box, Button, Typography } from '@mui/material';
import { Link } from 'react-router';

/** Shown at the address itself when the user's role may not open it. */
export function NotAllowedPage() {
  return (
    <Box sx={{ py: { xs: 6, sm: 10 }, textAlign: 'center', maxWidth: 520, mx: 'auto' }} data-testid="not-allowed">
      <LockOutlined sx={{ fontSize: 56, color: 'warning.main' }} />
      <Typography variant="h1" sx={{ mt: 2 }}>
        Not allowed
      </Typography>
      <Typography color="text.secondary" sx={{ mt: 1.5 }}>
        Your role doesn't give you access to this page. If you need it, ask an admin of your company.
      </Typography>
      <Button component={Link} to="/" variant="contained" sx={{ mt: 3 }}>
        Go to home
      </Button>
    </Box>
  );
}

import { Box, CircularProgress, Typography } from '@mui/material';

export function FullPageSpinner({ label }: { label: string }) {
  return (
    <Box role="status" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Box sx={{ textAlign: 'center' }}>
        <CircularProgress aria-hidden />
        <Typography sx={{ mt: 2 }} color="text.secondary">
          {label}…
        </Typography>
      </Box>
    </Box>
  );
}

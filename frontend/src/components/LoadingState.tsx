import { Box, Skeleton } from '@mui/material';

/** Placeholder rows while a list or form loads. */
export function LoadingState({ rows = 4, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <Box role="status" aria-label={label} aria-busy="true">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={40} sx={{ mb: 1 }} />
      ))}
    </Box>
  );
}

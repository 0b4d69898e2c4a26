import { Alert, AlertTitle, Button } from '@mui/material';
import { ApiError, describeError } from '@/api/problem';

/** A failed load or action, in words, with a way to try again where that makes sense. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const notAllowed = error instanceof ApiError && error.status === 403;
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        onRetry && !notAllowed ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    >
      {title && <AlertTitle>{title}</AlertTitle>}
      {describeError(error)}
    </Alert>
  );
}

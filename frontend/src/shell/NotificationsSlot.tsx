import NotificationsNoneOutlined from '@mui/icons-material/NotificationsNoneOutlined';
import { Badge, Box, IconButton, Popover, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';

/**
 * The header's place for in-app notifications. notification-service does not exist yet, so it
 * says so plainly; its feed plugs in here when it does.
 */
export function NotificationsSlot() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const unread = 0;
  return (
    <>
      <Tooltip title="Notifications">
        <IconButton aria-label="Notifications" onClick={(e) => setAnchor(e.currentTarget)}>
          <Badge badgeContent={unread} color="error">
            <NotificationsNoneOutlined />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ p: 2.5, width: 300, maxWidth: '90vw' }}>
          <Typography variant="h3">Notifications</Typography>
          <Typography color="text.secondary" sx={{ mt: 1 }}>
            You're all caught up. Reminders and alerts will appear here.
          </Typography>
        </Box>
      </Popover>
    </>
  );
}

import Add from '@mui/icons-material/Add';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { leadService, type Stage, type StageKind } from '@/api/leadService';
import { ApiError, describeError } from '@/api/problem';
import { LEADS_KEY, stagesQuery } from '@/features/leads/queries';
import { STAGE_KINDS } from '@/features/leads/labels';
import { boardColumnKey } from './useBoardMove';
import { MAX_STAGES, moveRow, removedStages, rowsFromStages, stageProblems, toStagesUpdate, type StageRow } from './stageEditor';

let newRows = 0;

/**
 * The pipeline's stages for admins: rename, reorder, add, remove, and say whether a stage closes a
 * lead as won or lost. A removed stage's leads move to a stage the admin picks.
 */
export function StageEditorDialog({ stages, onClose }: { stages: Stage[]; onClose: () => void }) {
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'));
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<StageRow[]>(() => rowsFromStages(stages));
  const [moveTo, setMoveTo] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState(false);
  const problems = checked ? stageProblems(rows) : {};
  const removed = removedStages(stages, rows);
  const targets = rows.map((r) => r.name.trim()).filter(Boolean);

  const save = useMutation({
    mutationFn: () => leadService.replaceStages(toStagesUpdate(rows, moveTo, removed)),
    onSuccess: (saved) => {
      queryClient.setQueryData(stagesQuery.queryKey, saved);
      // Not the columns of removed stages: asking for a stage that is gone is a 400.
      const gone = new Set(removed.map((s) => s.id));
      removed.forEach((s) => queryClient.removeQueries({ queryKey: boardColumnKey(s.id) }));
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY, predicate: (q) => !gone.has(String(q.queryKey[2])) });
      onClose();
    },
  });
  // Field errors name rows by index: stages[2].name.
  const serverProblem = (index: number): string | undefined =>
    save.error instanceof ApiError ? save.error.fieldErrors.find((f) => f.field.startsWith(`stages[${index}]`))?.message : undefined;

  const update = (key: string, change: Partial<StageRow>) => setRows((current) => current.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const submit = () => {
    setChecked(true);
    if (Object.keys(stageProblems(rows)).length === 0) save.mutate();
  };

  return (
    <Dialog open onClose={save.isPending ? undefined : onClose} maxWidth="sm" fullWidth fullScreen={fullScreen}>
      <DialogTitle>Pipeline stages</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          New leads start in the first stage. Won and lost stages close a lead.
        </Typography>
        <Stack spacing={1.5} component="ol" sx={{ p: 0, m: 0, listStyle: 'none' }} aria-label="Stages">
          {rows.map((row, i) => (
            <Box component="li" key={row.key} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
              <TextField
                label={`Stage ${i + 1}`}
                value={row.name}
                onChange={(e) => update(row.key, { name: e.target.value })}
                error={Boolean(problems[row.key] ?? serverProblem(i))}
                helperText={problems[row.key] ?? serverProblem(i)}
                slotProps={{ htmlInput: { maxLength: 60 } }}
                sx={{ flex: 2 }}
              />
              <TextField select label="Kind" value={row.kind} onChange={(e) => update(row.key, { kind: e.target.value as StageKind })} sx={{ flex: 1, minWidth: 110 }}>
                {STAGE_KINDS.map((k) => <MenuItem key={k.value} value={k.value}>{k.label}</MenuItem>)}
              </TextField>
              <IconButton aria-label={`Move ${row.name || 'stage'} up`} disabled={i === 0} onClick={() => setRows((r) => moveRow(r, i, -1))}><ArrowUpward fontSize="small" /></IconButton>
              <IconButton aria-label={`Move ${row.name || 'stage'} down`} disabled={i === rows.length - 1} onClick={() => setRows((r) => moveRow(r, i, 1))}><ArrowDownward fontSize="small" /></IconButton>
              <IconButton aria-label={`Remove ${row.name || 'stage'}`} disabled={rows.length === 1} onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))}><DeleteOutlined fontSize="small" /></IconButton>
            </Box>
          ))}
        </Stack>
        <Button startIcon={<Add />} sx={{ mt: 1.5 }} disabled={rows.length >= MAX_STAGES} onClick={() => setRows((r) => [...r, { key: `new-${++newRows}`, name: '', kind: 'OPEN' }])}>
          Add stage
        </Button>
        {removed.length > 0 && (
          <Box sx={{ mt: 2 }}>
            <Typography sx={{ fontWeight: 600, mb: 1 }}>Where do their leads go?</Typography>
            <Stack spacing={1.5}>
              {removed.map((stage) => (
                <TextField
                  key={stage.id}
                  select
                  label={`Leads in “${stage.name}” move to`}
                  value={targets.includes(moveTo[stage.id] ?? '') ? moveTo[stage.id] : ''}
                  onChange={(e) => setMoveTo((m) => ({ ...m, [stage.id]: e.target.value }))}
                  helperText="Needed only if the stage still has leads"
                >
                  {targets.map((name) => <MenuItem key={name} value={name}>{name}</MenuItem>)}
                </TextField>
              ))}
            </Stack>
          </Box>
        )}
        {save.isError && !(save.error instanceof ApiError && save.error.fieldErrors.some((f) => f.field.startsWith('stages['))) && (
          <Alert severity="error" sx={{ mt: 2 }}>{describeError(save.error)}</Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={save.isPending}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={save.isPending}>Save stages</Button>
      </DialogActions>
    </Dialog>
  );
}

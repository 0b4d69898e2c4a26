import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  LinearProgress,
  Link as MuiLink,
  ListSubheader,
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type DragEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { leadImports, type DuplicatePolicy, type ImportJob, type ImportState } from '@/api/leadImports';
import { describeError } from '@/api/problem';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/features/leads/labels';
import { LEADS_KEY, useAssignableUsers } from '@/features/leads/queries';
import { customFieldsQuery, featureFlagsQuery } from '@/features/settings/queries';
import { assignField, draftFromProposal, importTargets, mappingProblems, skippedHeaders, toMappedColumns, type ImportTarget, type MappingDraft } from './mapping';
import { FINISHED, importQuery, recentImportsQuery, WORKING } from './queries';

const STEPS = ['Upload', 'Match columns', 'Options', 'Import', 'Summary'];
const STATE_LABELS: Record<ImportState, string> = {
  MAPPING: 'Waiting for its columns',
  QUEUED: 'Queued',
  RUNNING: 'Importing',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired (never started)',
};
const POLICIES: { value: DuplicatePolicy; label: string; help: string }[] = [
  { value: 'SKIP', label: 'Skip them', help: 'Rows with the email or phone of an existing lead (or of an earlier row) are left out and listed in the error report.' },
  { value: 'UPDATE', label: 'Update the existing lead', help: 'The row’s values go onto the lead that has the same email or phone.' },
  { value: 'CREATE', label: 'Create them anyway', help: 'A new lead for every row, duplicates included.' },
];

const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

function RecentImports() {
  const recent = useQuery(recentImportsQuery);
  if (recent.isPending) return <LoadingState label="Loading recent imports" rows={2} />;
  if (recent.isError) return <ErrorState error={recent.error} onRetry={() => void recent.refetch()} title="Recent imports could not be loaded" />;
  if (recent.data.items.length === 0) return null;
  return (
    <Paper variant="outlined" sx={{ mt: 3 }} component="section" aria-label="Recent imports">
      <Typography variant="h3" sx={{ p: 2, pb: 1 }}>Recent imports</Typography>
      <TableContainer>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>File</TableCell>
              <TableCell>State</TableCell>
              <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>Created / failed</TableCell>
              <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>When</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {recent.data.items.map((job) => (
              <TableRow key={job.id} hover>
                <TableCell><MuiLink component={Link} to={`/import/${job.id}`}>{job.fileName ?? 'File'}</MuiLink></TableCell>
                <TableCell>{job.undo ? 'Undone' : STATE_LABELS[job.state] ?? job.state}</TableCell>
                <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{job.progress.created} / {job.progress.failed}</TableCell>
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{formatDateTime(job.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}

function UploadStep() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [dragOver, setDragOver] = useState(false);
  // The tenant's "leadImport" feature flag (user-service). lead-service does not check it yet, so
  // the wizard does: no new imports while it is off; earlier ones can still be opened and undone.
  const flags = useQuery(featureFlagsQuery);
  const switchedOff = flags.data?.find((f) => f.key === 'leadImport')?.value === false;
  const upload = useMutation({
    mutationFn: (file: File) => leadImports.upload(file),
    onSuccess: (job) => {
      queryClient.setQueryData(importQuery(job.id).queryKey, job);
      navigate(`/import/${job.id}`);
    },
  });
  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file && !switchedOff) upload.mutate(file);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragOver(false);
    take(e.dataTransfer.files);
  };
  return (
    <>
      {switchedOff && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          Importing leads is switched off for your company. An admin can switch on “Lead import” under Feature flags.
        </Alert>
      )}
      <Paper
        variant="outlined"
        onDragOver={(e) => { e.preventDefault(); setDragOver(true); }}
        onDragLeave={() => setDragOver(false)}
        onDrop={onDrop}
        sx={{ p: { xs: 3, sm: 5 }, textAlign: 'center', borderStyle: 'dashed', borderWidth: 2, borderColor: dragOver ? 'primary.main' : 'divider', bgcolor: dragOver ? 'action.hover' : undefined }}
      >
        <CloudUploadOutlined color="primary" sx={{ fontSize: 48 }} aria-hidden />
        <Typography variant="h3" sx={{ mt: 1 }}>Drop a spreadsheet here</Typography>
        <Typography color="text.secondary" sx={{ mt: 0.5, mb: 2 }}>
          An Excel workbook (.xlsx) or a CSV file, one lead per row, with a row of column headings. The first sheet is read.
        </Typography>
        <input ref={input} type="file" hidden accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" aria-label="Spreadsheet file" data-testid="import-file" onChange={(e) => take(e.target.files)} />
        <Button variant="contained" onClick={() => input.current?.click()} disabled={upload.isPending || switchedOff}>
          {upload.isPending ? 'Uploading…' : 'Choose a file'}
        </Button>
        {upload.isPending && <LinearProgress sx={{ mt: 2 }} />}
        {upload.isError && <Alert severity="error" sx={{ mt: 2, textAlign: 'left' }}>{describeError(upload.error)}</Alert>}
      </Paper>
      <RecentImports />
    </>
  );
}

function FieldSelect({ value, targets, used, onChange, label }: { value: string; targets: ImportTarget[]; used: Set<string>; onChange: (field: string) => void; label: string }) {
  const groups = [...new Set(targets.map((t) => t.group))];
  return (
    <TextField select size="small" value={value} onChange={(e) => onChange(e.target.value)} slotProps={{ select: { displayEmpty: true }, htmlInput: { 'aria-label': label } }} sx={{ minWidth: 200 }}>
      <MenuItem value=""><em>Don’t import</em></MenuItem>
      {groups.flatMap((group) => [
        <ListSubheader key={`g-${group}`}>{group}</ListSubheader>,
        ...targets.filter((t) => t.group === group).map((t) => (
          <MenuItem key={t.field} value={t.field}>
            {t.label}{used.has(t.field) && t.field !== value ? ' (moves here)' : ''}
          </MenuItem>
        )),
      ])}
    </TextField>
  );
}

function MappingStep({ job, draft, setDraft, targets, onNext }: { job: ImportJob; draft: MappingDraft; setDraft: (d: MappingDraft) => void; targets: ImportTarget[]; onNext: () => void }) {
  const problems = mappingProblems(draft, targets);
  const used = new Set(Object.values(draft).filter(Boolean));
  const proposed = new Map(job.proposedMapping.map((p) => [p.column, p]));
  return (
    <Paper variant="outlined" component="section" aria-label="Match columns">
      <Box sx={{ p: 2 }}>
        <Typography variant="h3">Which lead field does each column fill?</Typography>
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          {job.fileName} · {sizeText(job.fileSize)}{job.sheetName ? ` · sheet “${job.sheetName}”` : ''} · about {job.progress.rowsTotal} rows · headings in row {job.headerRow}
        </Typography>
      </Box>
      <TableContainer>
        <Table size="small" aria-label="Columns">
          <TableHead>
            <TableRow>
              <TableCell>Column</TableCell>
              <TableCell>Examples</TableCell>
              <TableCell>Lead field</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {job.headers.map((header) => {
              const match = proposed.get(header.column);
              return (
                <TableRow key={header.column} data-testid="mapping-row">
                  <TableCell sx={{ maxWidth: 200 }}>
                    <Typography sx={{ fontWeight: 600, fontSize: 14 }}>{header.name || <em>No heading</em>}</Typography>
                    <Typography variant="body2" color="text.secondary">Column {header.letter}{match?.matchedBy === 'SAVED' ? ' · your saved choice' : ''}</Typography>
                  </TableCell>
                  <TableCell sx={{ maxWidth: 260 }}>
                    <Typography variant="body2" color="text.secondary" noWrap title={header.samples.join(', ')}>{header.samples.filter(Boolean).slice(0, 3).join(', ') || '—'}</Typography>
                  </TableCell>
                  <TableCell>
                    <FieldSelect
                      label={`Field for column ${header.letter} ${header.name ?? ''}`.trim()}
                      value={draft[header.column] ?? ''}
                      targets={targets}
                      used={used}
                      onChange={(field) => setDraft(assignField(draft, header.column, field))}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      <Box sx={{ p: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        {problems.length > 0 && <Alert severity="warning" sx={{ flex: 1 }}>{problems.join(' ')}</Alert>}
        <Button variant="contained" sx={{ ml: 'auto' }} disabled={problems.length > 0} onClick={onNext}>Next</Button>
      </Box>
    </Paper>
  );
}

function OptionsStep({ job, draft, onBack }: { job: ImportJob; draft: MappingDraft; onBack: () => void }) {
  const queryClient = useQueryClient();
  const [policy, setPolicy] = useState<DuplicatePolicy>('SKIP');
  const [saveMapping, setSaveMapping] = useState(true);
  const [assignee, setAssignee] = useState('');
  const { assignable } = useAssignableUsers();
  const skipped = skippedHeaders(draft, job.headers);
  const start = useMutation({
    mutationFn: () =>
      leadImports.start(job.id, {
        mapping: toMappedColumns(draft),
        duplicatePolicy: policy,
        saveMapping,
        ...(assignee ? { defaultAssigneeId: assignee } : {}),
      }),
    onSuccess: (started) => queryClient.setQueryData(importQuery(job.id).queryKey, started),
  });
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }} component="section" aria-label="Options">
      <Stack spacing={2.5}>
        <Box>
          <Typography variant="h3" id="duplicates-label">Rows that match an existing lead</Typography>
          <Typography variant="body2" color="text.secondary">Same email (any case) or same phone number.</Typography>
          <RadioGroup aria-labelledby="duplicates-label" value={policy} onChange={(e) => setPolicy(e.target.value as DuplicatePolicy)}>
            {POLICIES.map((p) => (
              <FormControlLabel
                key={p.value}
                value={p.value}
                control={<Radio />}
                label={<Box sx={{ py: 0.5 }}><Typography>{p.label}</Typography><Typography variant="body2" color="text.secondary">{p.help}</Typography></Box>}
              />
            ))}
          </RadioGroup>
        </Box>
        <TextField select label="Leads without an assignee column go to" value={assignee} onChange={(e) => setAssignee(e.target.value)} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
          <MenuItem value="">The assignment rules</MenuItem>
          {assignable.map((a) => <MenuItem key={a.userId} value={a.userId}>{a.name}</MenuItem>)}
        </TextField>
        <FormControlLabel control={<Checkbox checked={saveMapping} onChange={(e) => setSaveMapping(e.target.checked)} />} label="Remember these column choices for the next file" />
        {skipped.length > 0 && <Alert severity="info">Not imported: {skipped.join(', ')}.</Alert>}
        {start.isError && <Alert severity="error">{describeError(start.error)}</Alert>}
        <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
          <Button onClick={onBack} disabled={start.isPending}>Back</Button>
          <Button variant="contained" onClick={() => start.mutate()} disabled={start.isPending}>{start.isPending ? 'Starting…' : 'Start import'}</Button>
        </Box>
      </Stack>
    </Paper>
  );
}

function Counts({ job }: { job: ImportJob }) {
  const p = job.progress;
  const items = [
    ['Created', p.created, 'success'],
    ['Updated', p.updated, 'primary'],
    ['Skipped', p.skipped, 'default'],
    ['Failed', p.failed, 'error'],
  ] as const;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="import-counts">
      {items.map(([label, n, color]) => <Chip key={label} label={`${label}: ${n}`} color={n > 0 ? color : 'default'} variant={n > 0 ? 'filled' : 'outlined'} />)}
    </Stack>
  );
}

function ProgressStep({ job }: { job: ImportJob }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => leadImports.cancel(job.id),
    onSuccess: (j) => queryClient.setQueryData(importQuery(job.id).queryKey, j),
  });
  const p = job.progress;
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }} component="section" aria-label="Import progress">
      <Typography variant="h3">{job.state === 'QUEUED' ? 'Waiting to start…' : `Importing ${job.fileName ?? 'the file'}…`}</Typography>
      <LinearProgress variant={job.state === 'QUEUED' ? 'indeterminate' : 'determinate'} value={p.percent} sx={{ my: 2, height: 8, borderRadius: 4 }} aria-label="Import progress" />
      <Typography color="text.secondary" sx={{ mb: 2 }} aria-live="polite">
        {p.rowsRead} of about {p.rowsTotal} rows read ({p.percent}%)
      </Typography>
      <Counts job={job} />
      {cancel.isError && <Alert severity="error" sx={{ mt: 2 }}>{describeError(cancel.error)}</Alert>}
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
        <Button color="error" onClick={() => cancel.mutate()} disabled={cancel.isPending}>Stop the import</Button>
      </Box>
    </Paper>
  );
}

async function download(job: ImportJob) {
  const blob = await leadImports.errorReport(job.id);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `import-${(job.fileName ?? 'leads').replace(/\.[^.]+$/, '')}-errors.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function SummaryStep({ job }: { job: ImportJob }) {
  const queryClient = useQueryClient();
  const [confirmUndo, setConfirmUndo] = useState(false);
  const report = useMutation({ mutationFn: () => download(job) });
  const undo = useMutation({
    mutationFn: () => leadImports.undo(job.id),
    onSuccess: () => {
      setConfirmUndo(false);
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    },
  });
  const p = job.progress;
  const finished = job.state === 'COMPLETED' || job.state === 'CANCELLED' || job.state === 'FAILED';
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }} component="section" aria-label="Import summary">
      <Stack spacing={2}>
        {job.state === 'COMPLETED' && (
          <Alert severity={p.failed > 0 || p.skipped > 0 ? 'warning' : 'success'}>
            <AlertTitle>Import finished</AlertTitle>
            {p.created} lead{p.created === 1 ? '' : 's'} created, {p.updated} updated from {p.rowsRead} row{p.rowsRead === 1 ? '' : 's'}.
            {p.failed + p.skipped > 0 && ` ${p.failed + p.skipped} row${p.failed + p.skipped === 1 ? '' : 's'} did not go in: the error report says why.`}
          </Alert>
        )}
        {job.state === 'FAILED' && <Alert severity="error"><AlertTitle>The import stopped</AlertTitle>{job.failure ?? 'Something went wrong while importing.'}</Alert>}
        {job.state === 'CANCELLED' && <Alert severity="info">The import was stopped. Rows read before that were imported.</Alert>}
        {job.state === 'EXPIRED' && <Alert severity="info">This upload was never started and has expired. Upload the file again.</Alert>}
        {finished && <Counts job={job} />}
        {job.undo && (
          <Alert severity="info" data-testid="undo-result">
            Undone {formatDateTime(job.undo.undoneAt)}: {job.undo.removed} lead{job.undo.removed === 1 ? '' : 's'} removed
            {job.undo.kept > 0 ? `, ${job.undo.kept} kept because someone worked on them since` : ''}.
          </Alert>
        )}
        {undo.isSuccess && !job.undo && (
          <Alert severity="info" data-testid="undo-result">
            Undone: {undo.data.removed} lead{undo.data.removed === 1 ? '' : 's'} removed{undo.data.kept > 0 ? `, ${undo.data.kept} kept because someone worked on them since` : ''}.
          </Alert>
        )}
        {report.isError && <Alert severity="error">{describeError(report.error)}</Alert>}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {p.created + p.updated > 0 && !job.undo && (
            <Button variant="contained" component={Link} to={`/leads?importId=${job.id}`}>See the imported leads</Button>
          )}
          {job.errorReport && (
            <Button variant="outlined" onClick={() => report.mutate()} disabled={report.isPending}>{report.isPending ? 'Preparing…' : 'Download error report'}</Button>
          )}
          {finished && p.created > 0 && !job.undo && !undo.isSuccess && (
            <Button color="error" onClick={() => setConfirmUndo(true)}>Undo import</Button>
          )}
          <Button component={Link} to="/import" sx={{ ml: { sm: 'auto' } }}>Import another file</Button>
        </Stack>
      </Stack>
      {confirmUndo && (
        <ConfirmDialog
          open
          title="Undo this import?"
          confirmLabel="Undo import"
          destructive
          pending={undo.isPending}
          error={undo.error}
          onConfirm={() => undo.mutate()}
          onClose={() => { setConfirmUndo(false); undo.reset(); }}
        >
          The {p.created} lead{p.created === 1 ? '' : 's'} it created are removed, except those someone has worked on since. Leads it updated keep their new values.
        </ConfirmDialog>
      )}
    </Paper>
  );
}

function ImportJobView({ id }: { id: string }) {
  const job = useQuery(importQuery(id));
  const fields = useQuery(customFieldsQuery('LEAD'));
  const targets = useMemo(() => importTargets(fields.data ?? []), [fields.data]);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [options, setOptions] = useState(false);

  if (job.isPending) return <LoadingState label="Loading the import" />;
  const data = job.data;
  if (!data) {
    return (job.error as { status?: number }).status === 404 ? (
      <EmptyState title="Import not found" action={<Button component={Link} to="/import">Start an import</Button>}>It may have expired, or it is another team’s.</EmptyState>
    ) : (
      <ErrorState error={job.error} onRetry={() => void job.refetch()} title="The import could not be loaded" />
    );
  }
  const current = draft ?? draftFromProposal(data.proposedMapping);
  const step = data.state === 'MAPPING' ? (options ? 2 : 1) : WORKING.includes(data.state) ? 3 : 4;
  return (
    <>
      <Stepper activeStep={step} alternativeLabel sx={{ mb: 3, display: { xs: 'none', sm: 'flex' } }}>
        {STEPS.map((label) => <Step key={label}><StepLabel>{label}</StepLabel></Step>)}
      </Stepper>
      <Typography sx={{ display: { xs: 'block', sm: 'none' }, mb: 2 }} color="text.secondary">Step {step + 1} of {STEPS.length}: {STEPS[step]}</Typography>
      {job.isError && <Alert severity="warning" sx={{ mb: 2 }}>Progress could not be refreshed: {describeError(job.error)} Retrying…</Alert>}
      {data.state === 'MAPPING' && !options && (
        fields.isPending ? <LoadingState label="Loading your custom fields" /> : (
          <MappingStep job={data} draft={current} setDraft={setDraft} targets={targets} onNext={() => setOptions(true)} />
        )
      )}
      {data.state === 'MAPPING' && options && <OptionsStep job={data} draft={current} onBack={() => setOptions(false)} />}
      {WORKING.includes(data.state) && <ProgressStep job={data} />}
      {FINISHED.includes(data.state) && <SummaryStep job={data} />}
    </>
  );
}

/**
 * The import wizard: upload a spreadsheet, match its columns to lead fields, choose what happens
 * to duplicates, watch it run, then see the summary, download the rows that failed, or undo it.
 * The import's id is in the address, so a reload picks up where it was.
 */
export function ImportPage() {
  const { id } = useParams();
  return (
    <Box sx={{ maxWidth: 1000 }}>
      <PageHeader title="Import leads" subtitle="From an Excel workbook or a CSV file." />
      {id ? <ImportJobView key={id} id={id} /> : <UploadStep />}
    </Box>
  );
}

import Add from '@mui/icons-material/Add';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import BookmarkBorder from '@mui/icons-material/BookmarkBorder';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import FilterList from '@mui/icons-material/FilterList';
import Search from '@mui/icons-material/Search';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  IconButton,
  InputAdornment,
  LinearProgress,
  Link as MuiLink,
  ListItemText,
  Menu,
  MenuItem,
  Paper,
  Snackbar,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { BulkAction, Lead } from '@/api/leadService';
import { canManage, canView } from '@/auth/access';
import { useAuth } from '@/auth/AuthProvider';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { useDebouncedValue } from '@/components/useDebouncedValue';
import { BulkActionDialog, describeResult, type BulkTarget } from './BulkActionDialog';
import { activeFilterCount, EMPTY_FILTERS, filtersFromSearch, filtersToSearch, SORTS, toBulkFilter, type LeadFilters } from './filters';
import { BULK_ACTIONS, formatDate, leadName, loanSummary } from './labels';
import { LeadFiltersPanel } from './LeadFiltersPanel';
import { leadsQuery } from './queries';
import { deleteView, loadViews, saveView, type SavedView } from './savedViews';

const hideOnPhone = { display: { xs: 'none', md: 'table-cell' } } as const;

export function StatusChip({ lead }: { lead: Pick<Lead, 'status' | 'statusKind'> }) {
  const color = lead.statusKind === 'WON' ? 'success' : lead.statusKind === 'LOST' ? 'default' : 'primary';
  return <Chip size="small" label={lead.status} color={color} variant={lead.statusKind === 'OPEN' ? 'outlined' : 'filled'} />;
}

function SavedViewsMenu({ userId, filters, onApply }: { userId: string; filters: LeadFilters; onApply: (search: string) => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [views, setViews] = useState<SavedView[]>(() => loadViews(userId));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current = filtersToSearch(filters).toString();

  const save = () => {
    try {
      setViews(saveView(userId, { name, search: current }));
      setNaming(false);
      setName('');
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The view could not be saved');
    }
  };

  return (
    <>
      <Button variant="outlined" startIcon={<BookmarkBorder />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        Views
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {views.length === 0 && <MenuItem disabled>No saved views yet</MenuItem>}
        {views.map((view) => (
          <MenuItem key={view.name} selected={view.search === current} onClick={() => { onApply(view.search); setAnchor(null); }}>
            <ListItemText primary={view.name} />
            <IconButton
              size="small"
              edge="end"
              aria-label={`Delete view ${view.name}`}
              onClick={(e) => { e.stopPropagation(); setViews(deleteView(userId, view.name)); }}
            >
              <DeleteOutlined fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem onClick={() => { setNaming(true); setAnchor(null); }}>Save current view…</MenuItem>
      </Menu>
      <Dialog open={naming} onClose={() => setNaming(false)} maxWidth="xs" fullWidth>
        <DialogTitle>Save view</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            The filters, search and sort as they are now. Views are kept in this browser.
          </Typography>
          <TextField autoFocus label="Name" value={name} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && name.trim() && save()} slotProps={{ htmlInput: { maxLength: 60 } }} />
          {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setNaming(false)}>Cancel</Button>
          <Button variant="contained" disabled={!name.trim()} onClick={save}>Save view</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/**
 * The leads the user can see: filtered, searched and sorted by the service, a page at a time.
 * Supervisors and admins tick leads (or take every match) for bulk actions.
 */
export function LeadsPage() {
  const { user } = useAuth();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  // Bulk actions work on live leads only.
  const manager = canManage('leads', user?.roles) && !filters.deleted;
  const setFilters = (next: LeadFilters) => setSearchParams(filtersToSearch(next), { replace: true });

  const [searchText, setSearchText] = useState(filters.q);
  const q = useDebouncedValue(searchText.trim());
  useEffect(() => {
    if (q !== filters.q) setSearchParams(filtersToSearch({ ...filters, q }), { replace: true });
  }, [q]); // eslint-disable-line react-hooks/exhaustive-deps -- only the debounced text drives this
  const [showFilters, setShowFilters] = useState(() => activeFilterCount(filters) > 0);

  const leads = useInfiniteQuery(leadsQuery(filters));
  const items = useMemo(() => leads.data?.pages.flatMap((p) => p.items) ?? [], [leads.data]);

  // The selection belongs to one list: another search, filter or sort starts with none.
  const listKey = searchParams.toString();
  const [selection, setSelection] = useState<{ list: string; ids: Set<string>; allMatching: boolean }>({ list: listKey, ids: new Set(), allMatching: false });
  const current = selection.list === listKey ? selection : { list: listKey, ids: new Set<string>(), allMatching: false };
  const selected = current.ids;
  const allMatching = current.allMatching;
  const setSelected = (update: Set<string> | ((ids: Set<string>) => Set<string>)) =>
    setSelection((s) => {
      const base = s.list === listKey ? s.ids : new Set<string>();
      return { list: listKey, ids: typeof update === 'function' ? update(base) : update, allMatching: false };
    });
  const setAllMatching = (all: boolean) =>
    setSelection((s) => ({ list: listKey, ids: s.list === listKey ? s.ids : new Set(), allMatching: all }));
  const [actionMenu, setActionMenu] = useState<HTMLElement | null>(null);
  const [bulk, setBulk] = useState<BulkAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const filterCount = activeFilterCount(filters);
  const searching = filters.q !== '';
  const allLoadedSelected = items.length > 0 && items.every((l) => selected.has(l.id));
  const toggle = (id: string) =>
    setSelected((ids) => {
      const next = new Set(ids);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const bulkTarget: BulkTarget = allMatching
    ? { filter: toBulkFilter(filters), loaded: items.length, more: leads.hasNextPage }
    : { ids: [...selected] };

  return (
    <>
      <PageHeader
        title="Leads"
        subtitle={manager ? (user?.roles.includes('ADMIN') ? 'Every lead of your company.' : 'Your leads and your team’s.') : 'The leads assigned to you.'}
        actions={
          <>
            {canView('leadImport', user?.roles) && (
              <Button component={Link} to="/import" variant="outlined" startIcon={<UploadFileOutlined />}>Import</Button>
            )}
            <Button component={Link} to="/leads/new" variant="contained" startIcon={<Add />}>New lead</Button>
          </>
        }
      />

      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ mb: 2 }} useFlexGap>
        <TextField
          label="Search"
          placeholder="Name, email or phone"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          sx={{ flex: 2, minWidth: 220 }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search fontSize="small" /></InputAdornment> } }}
        />
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', flexShrink: 0 }}>
          <Badge badgeContent={filterCount} color="primary">
            <Button variant={showFilters ? 'contained' : 'outlined'} startIcon={<FilterList />} onClick={() => setShowFilters((s) => !s)} aria-expanded={showFilters} disabled={searching}>
              Filters
            </Button>
          </Badge>
          <TextField select fullWidth={false} label="Sort by" value={filters.sort} onChange={(e) => setFilters({ ...filters, sort: e.target.value as LeadFilters['sort'] })} sx={{ minWidth: 150 }} disabled={searching}>
            {SORTS.map((s) => <MenuItem key={s.value} value={s.value}>{s.label}</MenuItem>)}
          </TextField>
          <Tooltip title={filters.direction === 'asc' ? 'Ascending' : filters.direction === 'desc' ? 'Descending' : 'Default order'}>
            <span>
              <IconButton
                aria-label={filters.direction === 'asc' ? 'Sort descending' : 'Sort ascending'}
                disabled={searching}
                onClick={() => setFilters({ ...filters, direction: filters.direction === 'asc' ? 'desc' : 'asc' })}
              >
                {filters.direction === 'asc' ? <ArrowUpward /> : <ArrowDownward />}
              </IconButton>
            </span>
          </Tooltip>
          {user && <SavedViewsMenu userId={user.id} filters={filters} onApply={(search) => { setSearchParams(new URLSearchParams(search), { replace: true }); setSearchText(new URLSearchParams(search).get('q') ?? ''); }} />}
        </Stack>
      </Stack>

      {searching && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Best matches for “{filters.q}” by name, email or phone. Filters and sort don’t apply to a search.
        </Alert>
      )}
      {filters.importId && !searching && (
        <Alert severity="info" sx={{ mb: 2 }} action={<Button color="inherit" size="small" onClick={() => setFilters({ ...filters, importId: '' })}>Show all</Button>}>
          Showing the leads created by one import.
        </Alert>
      )}
      {filters.deleted && !searching && (
        <Alert severity="info" sx={{ mb: 2 }} action={<Button color="inherit" size="small" onClick={() => setFilters({ ...filters, deleted: false })}>Show live leads</Button>}>
          Showing deleted leads. Open one to restore it.
        </Alert>
      )}
      {showFilters && !searching && <LeadFiltersPanel filters={filters} onChange={setFilters} />}

      {manager && (selected.size > 0 || allMatching) && (
        <Paper variant="outlined" sx={{ p: 1, pl: 2, mb: 1.5, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', bgcolor: 'action.hover' }} aria-label="Bulk actions" component="section">
          <Typography sx={{ fontWeight: 600 }}>
            {allMatching ? 'All leads matching the filters' : `${selected.size} selected`}
          </Typography>
          {!allMatching && allLoadedSelected && !searching && (
            <Button size="small" onClick={() => setAllMatching(true)}>
              {leads.hasNextPage ? 'Select all matching leads' : `Select all ${items.length} matching leads`}
            </Button>
          )}
          <Button size="small" onClick={() => setSelected(new Set())}>Clear selection</Button>
          <Button variant="contained" size="small" sx={{ ml: 'auto' }} onClick={(e) => setActionMenu(e.currentTarget)} aria-haspopup="menu">
            Actions
          </Button>
          <Menu anchorEl={actionMenu} open={actionMenu !== null} onClose={() => setActionMenu(null)}>
            {BULK_ACTIONS.map((a) => (
              <MenuItem key={a.value} onClick={() => { setBulk(a.value); setActionMenu(null); }} sx={a.value === 'DELETE' ? { color: 'error.main' } : undefined}>
                {a.label}…
              </MenuItem>
            ))}
          </Menu>
        </Paper>
      )}

      {leads.isPending ? (
        <LoadingState label="Loading leads" rows={6} />
      ) : leads.isError && items.length === 0 ? (
        <ErrorState error={leads.error} onRetry={() => void leads.refetch()} title="Leads could not be loaded" />
      ) : items.length === 0 ? (
        <EmptyState
          title={searching ? 'No leads match your search' : filterCount > 0 ? 'No leads match these filters' : 'No leads yet'}
          action={
            searching || filterCount > 0 ? (
              <Button onClick={() => { setSearchText(''); setFilters({ ...EMPTY_FILTERS, sort: filters.sort, direction: filters.direction }); }}>Clear search and filters</Button>
            ) : (
              <Button variant="contained" component={Link} to="/leads/new">Add the first lead</Button>
            )
          }
        >
          {searching ? 'Try part of the name, the email or at least 3 digits of the phone number.' : filterCount > 0 ? 'Try fewer filters.' : manager ? 'Add a lead, or import a spreadsheet of them.' : 'Leads assigned to you will show here.'}
        </EmptyState>
      ) : (
        <Paper variant="outlined">
          {leads.isFetching && !leads.isFetchingNextPage && <LinearProgress sx={{ height: 2 }} />}
          <TableContainer>
            <Table size="small" aria-label="Leads">
              <TableHead>
                <TableRow>
                  {manager && (
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={allLoadedSelected}
                        indeterminate={selected.size > 0 && !allLoadedSelected}
                        onChange={() => setSelected(allLoadedSelected ? new Set() : new Set(items.map((l) => l.id)))}
                        slotProps={{ input: { 'aria-label': 'Select all shown leads' } }}
                      />
                    </TableCell>
                  )}
                  <TableCell>Lead</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell sx={hideOnPhone}>Assignee</TableCell>
                  <TableCell sx={hideOnPhone}>Loan</TableCell>
                  <TableCell sx={hideOnPhone}>Source</TableCell>
                  <TableCell sx={hideOnPhone}>Created</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map((lead) => (
                  <TableRow key={lead.id} hover data-testid="lead-row" selected={selected.has(lead.id)}>
                    {manager && (
                      <TableCell padding="checkbox">
                        <Checkbox checked={allMatching || selected.has(lead.id)} onChange={() => toggle(lead.id)} slotProps={{ input: { 'aria-label': `Select ${leadName(lead)}` } }} />
                      </TableCell>
                    )}
                    <TableCell sx={{ maxWidth: { xs: 170, sm: 300 } }}>
                      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
                        <MuiLink component={Link} to={`/leads/${lead.id}`} underline="hover" sx={{ fontWeight: 600, fontSize: 14 }} noWrap>
                          {leadName(lead)}
                        </MuiLink>
                        {lead.doNotContact && (
                          <Tooltip title="Do not contact"><BlockOutlined color="error" sx={{ fontSize: 16 }} aria-label="Do not contact" /></Tooltip>
                        )}
                      </Box>
                      <Typography variant="body2" color="text.secondary" noWrap>{lead.email ?? lead.phone ?? '—'}</Typography>
                    </TableCell>
                    <TableCell><StatusChip lead={lead} /></TableCell>
                    <TableCell sx={hideOnPhone}>
                      {lead.assigneeName ?? <Typography component="span" variant="body2" color="text.secondary">Unassigned</Typography>}
                      {lead.needsReassignment && <Chip size="small" color="warning" label="Left" sx={{ ml: 1 }} />}
                    </TableCell>
                    <TableCell sx={hideOnPhone}>
                      {loanSummary(lead) ?? '—'}
                    </TableCell>
                    <TableCell sx={hideOnPhone}>{lead.source ?? '—'}</TableCell>
                    <TableCell sx={hideOnPhone}>{formatDate(lead.createdAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, p: 1.5, borderTop: 1, borderColor: 'divider' }}>
            <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto' }} data-testid="lead-count">
              {items.length} lead{items.length === 1 ? '' : 's'} shown{leads.hasNextPage ? ', more to load' : ''}
            </Typography>
            {leads.hasNextPage && (
              <Button size="small" variant="outlined" onClick={() => void leads.fetchNextPage()} disabled={leads.isFetchingNextPage}>
                {leads.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            )}
          </Box>
          {leads.isError && <ErrorState error={leads.error} onRetry={() => void (leads.isFetchNextPageError ? leads.fetchNextPage() : leads.refetch())} title="Leads could not be loaded" />}
        </Paper>
      )}

      {bulk && (
        <BulkActionDialog
          action={bulk}
          target={bulkTarget}
          onClose={() => setBulk(null)}
          onDone={(result) => {
            setBulk(null);
            setSelected(new Set());
            setNotice(describeResult(result));
          }}
        />
      )}
      <Snackbar open={notice !== null} autoHideDuration={6000} onClose={() => setNotice(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="success" onClose={() => setNotice(null)} variant="filled">{notice}</Alert>
      </Snackbar>
    </>
  );
}

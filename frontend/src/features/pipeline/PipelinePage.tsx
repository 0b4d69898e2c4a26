import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import DragIndicator from '@mui/icons-material/DragIndicator';
import MoreVert from '@mui/icons-material/MoreVert';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import ViewListOutlined from '@mui/icons-material/ViewListOutlined';
import {
  Alert,
  Box,
  Button,
  Chip,
  IconButton,
  Link as MuiLink,
  ListSubheader,
  Menu,
  MenuItem,
  Paper,
  Skeleton,
  Snackbar,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Lead, Stage } from '@/api/leadService';
import { canManage } from '@/auth/access';
import { useAuth } from '@/auth/AuthProvider';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { leadName, loanSummary } from '@/features/leads/labels';
import { stagesQuery } from '@/features/leads/queries';
import { dropIndex, locate, type Column } from './board';
import { boardKeyboardCoordinates, CARD_PREFIX, COLUMN_PREFIX } from './keyboard';
import { StageEditorDialog } from './StageEditorDialog';
import { BOARD_COLUMN_SIZE, boardColumnKey, boardColumnQuery, useBoardMove } from './useBoardMove';

const COLUMN_WIDTH = { xs: '82vw', sm: 280 } as const;

/** Over a card: that card; else the column under the pointer (or, with the keyboard, the card or column overlapped most). */
const collisions: CollisionDetection = (args) => {
  const pointer = pointerWithin(args);
  const hits = pointer.length > 0 ? pointer : rectIntersection(args);
  const card = hits.find((h) => String(h.id).startsWith(CARD_PREFIX));
  return card ? [card] : hits.slice(0, 1);
};

function CardBody({ lead, dragging = false, menu }: { lead: Lead; dragging?: boolean; menu?: React.ReactNode }) {
  return (
    <Paper
      variant="outlined"
      sx={{
        p: 1.25,
        pl: 0.5,
        display: 'flex',
        gap: 0.5,
        bgcolor: 'background.paper',
        boxShadow: dragging ? 6 : 0,
        cursor: dragging ? 'grabbing' : 'grab',
        borderLeft: 3,
        borderLeftColor: lead.statusKind === 'WON' ? 'success.main' : lead.statusKind === 'LOST' ? 'text.disabled' : 'primary.main',
      }}
    >
      <DragIndicator sx={{ color: 'text.disabled', fontSize: 18, mt: 0.25 }} aria-hidden />
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <MuiLink component={Link} to={`/leads/${lead.id}`} underline="hover" sx={{ fontWeight: 600, fontSize: 14 }} noWrap onPointerDown={(e) => e.stopPropagation()}>
            {leadName(lead)}
          </MuiLink>
          {lead.doNotContact && (
            <Tooltip title="Do not contact"><BlockOutlined color="error" sx={{ fontSize: 15 }} aria-label="Do not contact" /></Tooltip>
          )}
        </Box>
        <Typography variant="body2" color="text.secondary" noWrap>
          {loanSummary(lead) ?? lead.source ?? ' '}
        </Typography>
        <Typography variant="body2" color="text.secondary" noWrap>{lead.assigneeName ?? 'Unassigned'}</Typography>
      </Box>
      {menu}
    </Paper>
  );
}

function LeadCard({ lead, stages, onMove }: { lead: Lead; stages: Stage[]; onMove: (lead: Lead, stage: Stage) => void }) {
  const drag = useDraggable({ id: `${CARD_PREFIX}${lead.id}`, data: { lead } });
  const drop = useDroppable({ id: `${CARD_PREFIX}${lead.id}`, disabled: drag.isDragging });
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menu = (
    <>
      <IconButton
        size="small"
        aria-label={`Move ${leadName(lead)} to another stage`}
        onClick={(e) => setAnchor(e.currentTarget)}
        onPointerDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.stopPropagation()}
        sx={{ alignSelf: 'flex-start' }}
      >
        <MoreVert fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <ListSubheader>Move to</ListSubheader>
        {stages.map((s) => (
          <MenuItem key={s.id} disabled={s.id === lead.statusId} onClick={() => { setAnchor(null); onMove(lead, s); }}>{s.name}</MenuItem>
        ))}
      </Menu>
    </>
  );
  return (
    <Box
      ref={(node: HTMLElement | null) => { drag.setNodeRef(node); drop.setNodeRef(node); }}
      {...drag.listeners}
      {...drag.attributes}
      aria-roledescription="Lead card, draggable"
      aria-label={`${leadName(lead)}, in ${lead.status}`}
      data-testid="board-card"
      data-lead-id={lead.id}
      sx={{
        opacity: drag.isDragging ? 0.35 : 1,
        touchAction: 'manipulation',
        outline: 'none',
        borderRadius: 1,
        '&:focus-visible': { boxShadow: (t) => `0 0 0 2px ${t.palette.primary.main}` },
        boxShadow: drop.isOver ? (t) => `0 -3px 0 ${t.palette.primary.main}` : undefined,
      }}
    >
      <CardBody lead={lead} menu={menu} />
    </Box>
  );
}

function BoardColumn({ stage, stages, column, status, error, onRetry, onMove }: {
  stage: Stage;
  stages: Stage[];
  column: Column | undefined;
  status: 'pending' | 'error' | 'success';
  error: unknown;
  onRetry: () => void;
  onMove: (lead: Lead, stage: Stage) => void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: `${COLUMN_PREFIX}${stage.id}`, data: { stage } });
  const count = column ? `${column.items.length}${column.nextCursor ? '+' : ''}` : '';
  return (
    <Box
      ref={setNodeRef}
      component="section"
      aria-label={`${stage.name}${count ? `, ${count} leads` : ''}`}
      data-testid="board-column"
      data-stage={stage.name}
      sx={{
        width: COLUMN_WIDTH,
        flexShrink: 0,
        bgcolor: isOver ? 'action.selected' : 'action.hover',
        borderRadius: 2,
        p: 1,
        display: 'flex',
        flexDirection: 'column',
        maxHeight: { xs: 'calc(100vh - 220px)', md: 'calc(100vh - 200px)' },
        transition: 'background-color 120ms',
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 0.5, pb: 1 }}>
        <Typography sx={{ fontWeight: 700, fontSize: 14, flex: 1 }} noWrap>{stage.name}</Typography>
        {stage.kind !== 'OPEN' && <Chip size="small" label={stage.kind === 'WON' ? 'Won' : 'Lost'} color={stage.kind === 'WON' ? 'success' : 'default'} />}
        <Typography variant="body2" color="text.secondary" data-testid="column-count">{count}</Typography>
      </Box>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, overflowY: 'auto', minHeight: 80, pb: 1 }}>
        {status === 'pending' ? (
          [0, 1].map((i) => <Skeleton key={i} variant="rounded" height={72} />)
        ) : status === 'error' ? (
          <ErrorState error={error} onRetry={onRetry} />
        ) : column && column.items.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ p: 1, textAlign: 'center' }}>No leads here. Drop one to move it.</Typography>
        ) : (
          column?.items.map((lead) => <LeadCard key={lead.id} lead={lead} stages={stages} onMove={onMove} />)
        )}
        {column?.nextCursor && (
          <Button size="small" component={Link} to={`/leads?status=${encodeURIComponent(stage.name)}`}>
            Showing the first {BOARD_COLUMN_SIZE}; see all in the list
          </Button>
        )}
      </Box>
    </Box>
  );
}

/**
 * The pipeline as a Kanban board: a column per stage of the tenant's pipeline, the leads the user
 * sees as cards in board order. Dragging a card (mouse, touch, or keyboard: Space to pick up,
 * arrows to move, Space to drop) moves the lead at once and tells lead-service; if that fails the
 * card goes back and a message says why. Each card's menu does the same without dragging.
 */
export function PipelinePage() {
  const { user } = useAuth();
  const admin = canManage('pipeline', user?.roles);
  const queryClient = useQueryClient();
  const stages = useQuery(stagesQuery);
  const stageList = useMemo(() => stages.data ?? [], [stages.data]);
  const columns = useQueries({ queries: stageList.map((s) => boardColumnQuery(s.id)) });
  const [failure, setFailure] = useState<string | null>(null);
  const [activeLead, setActiveLead] = useState<Lead | null>(null);
  const [editing, setEditing] = useState(false);
  const board = useBoardMove((message, move) => {
    const lead = findLead(move.leadId);
    setFailure(`${lead ? leadName(lead) : 'The lead'} could not be moved to ${move.toStage.name}. ${message}`);
  });

  const columnData: Record<string, Column | undefined> = Object.fromEntries(stageList.map((s, i) => [s.id, columns[i]?.data]));
  function findLead(id: string): Lead | undefined {
    for (const column of Object.values(columnData)) {
      const lead = column?.items.find((l) => l.id === id);
      if (lead) return lead;
    }
    return undefined;
  }

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: boardKeyboardCoordinates }),
  );

  const stageOf = (overId: string): Stage | undefined => {
    if (overId.startsWith(COLUMN_PREFIX)) return stageList.find((s) => s.id === overId.slice(COLUMN_PREFIX.length));
    const at = locate(columnData, overId.slice(CARD_PREFIX.length));
    return at ? stageList.find((s) => s.id === at.stageId) : undefined;
  };

  const moveTo = (lead: Lead, stage: Stage, overCardId: string | null) => {
    const from = locate(columnData, lead.id);
    if (!from) return;
    const toIndex = dropIndex(columnData[stage.id], overCardId, lead.id);
    if (stage.id === from.stageId && (toIndex === undefined || toIndex === from.index)) return;
    // Dropped on a card: takes its place; dropped on a column (or moved by the menu): on top, as
    // the service puts a lead moved without a position.
    board.move({ leadId: lead.id, fromStageId: from.stageId, toStage: stage, toIndex: toIndex ?? 0 });
  };

  const onDragStart = ({ active }: DragStartEvent) => setActiveLead((active.data.current as { lead: Lead } | undefined)?.lead ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveLead(null);
    const lead = (active.data.current as { lead: Lead } | undefined)?.lead;
    if (!lead || !over) return;
    const overId = String(over.id);
    const stage = stageOf(overId);
    if (!stage) return;
    moveTo(lead, stage, overId.startsWith(CARD_PREFIX) ? overId.slice(CARD_PREFIX.length) : null);
  };

  const nameOf = (id: unknown) => {
    const lead = findLead(String(id).slice(CARD_PREFIX.length));
    return lead ? leadName(lead) : 'the lead';
  };
  const placeOf = (id: unknown) => stageOf(String(id))?.name ?? 'the board';
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}. Use the arrow keys to move it to another stage, Space to drop it, Escape to cancel.`,
    onDragOver: ({ active, over }) => (over ? `${nameOf(active.id)} is over ${placeOf(over.id)}.` : `${nameOf(active.id)} is no longer over a stage.`),
    onDragEnd: ({ active, over }) => (over ? `${nameOf(active.id)} was dropped in ${placeOf(over.id)}.` : `${nameOf(active.id)} was dropped where it was.`),
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };

  const total = columns.reduce((n, c) => n + (c.data?.items.length ?? 0), 0);
  const allLoaded = columns.length > 0 && columns.every((c) => c.isSuccess);

  return (
    <>
      <PageHeader
        title="Pipeline"
        subtitle="Drag a lead to the stage it has reached."
        actions={
          <>
            <Button component={Link} to="/leads" variant="outlined" startIcon={<ViewListOutlined />}>List</Button>
            {admin && <Button variant="outlined" startIcon={<SettingsOutlined />} onClick={() => setEditing(true)} disabled={!stages.isSuccess}>Edit stages</Button>}
          </>
        }
      />
      {stages.isPending ? (
        <LoadingState label="Loading the pipeline" />
      ) : stages.isError ? (
        <ErrorState error={stages.error} onRetry={() => void stages.refetch()} title="The pipeline could not be loaded" />
      ) : stageList.length === 0 ? (
        <EmptyState title="No stages yet">An admin sets up the pipeline’s stages.</EmptyState>
      ) : (
        <>
          {allLoaded && total === 0 && (
            <Alert severity="info" sx={{ mb: 2 }} action={<Button color="inherit" size="small" component={Link} to="/leads/new">New lead</Button>}>
              No leads on the board yet. Leads you can see appear here by stage.
            </Alert>
          )}
          <DndContext
            sensors={sensors}
            collisionDetection={collisions}
            onDragStart={onDragStart}
            onDragEnd={onDragEnd}
            onDragCancel={() => setActiveLead(null)}
            accessibility={{ announcements, screenReaderInstructions: { draggable: 'To move a lead, press Space. Arrow keys move it between stages and up or down; Space drops it; Escape cancels.' } }}
          >
            <Box
              role="region"
              aria-label="Pipeline board"
              tabIndex={-1}
              sx={{ display: 'flex', gap: 1.5, overflowX: 'auto', pb: 2, mx: { xs: -2, sm: 0 }, px: { xs: 2, sm: 0 }, scrollSnapType: { xs: 'x mandatory', sm: 'none' }, '& > section': { scrollSnapAlign: 'start' } }}
            >
              {stageList.map((stage, i) => (
                <BoardColumn
                  key={stage.id}
                  stage={stage}
                  stages={stageList}
                  column={columns[i]?.data}
                  status={columns[i]?.status ?? 'pending'}
                  error={columns[i]?.error}
                  onRetry={() => void queryClient.invalidateQueries({ queryKey: boardColumnKey(stage.id) })}
                  onMove={(lead, to) => moveTo(lead, to, null)}
                />
              ))}
            </Box>
            <DragOverlay>{activeLead ? <Box sx={{ width: COLUMN_WIDTH }}><CardBody lead={activeLead} dragging /></Box> : null}</DragOverlay>
          </DndContext>
        </>
      )}
      {editing && <StageEditorDialog stages={stageList} onClose={() => setEditing(false)} />}
      <Snackbar open={failure !== null} autoHideDuration={8000} onClose={() => setFailure(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="error" variant="filled" onClose={() => setFailure(null)} role="alert">{failure}</Alert>
      </Snackbar>
    </>
  );
}

import { MenuItem, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { teamsQuery } from './queries';

/** A team picker for forms; '' is "no team". */
export function TeamSelect<T extends FieldValues>({ control, name, label = 'Team' }: { control: Control<T>; name: Path<T>; label?: string }) {
  const { field, fieldState } = useController({ control, name });
  const teams = useQuery(teamsQuery);
  return (
    <TextField
      select
      label={label}
      name={field.name}
      value={teams.isSuccess ? (field.value ?? '') : ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      error={fieldState.invalid || teams.isError}
      helperText={fieldState.error?.message ?? (teams.isError ? 'Teams could not be loaded' : undefined)}
      disabled={!teams.isSuccess}
    >
      <MenuItem value="">
        <em>No team</em>
      </MenuItem>
      {teams.data?.map((team) => (
        <MenuItem key={team.id} value={team.id}>
          {team.name}
        </MenuItem>
      ))}
    </TextField>
  );
}

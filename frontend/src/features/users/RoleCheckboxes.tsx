import { Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, Typography } from '@mui/material';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import type { GrantableRole } from '@/api/userService';
import { roleLabel } from '@/auth/access';
import { GRANTABLE_ROLES } from './schemas';

const DESCRIPTIONS: Record<GrantableRole, string> = {
  ADMIN: 'Users, teams and company settings',
  SUPERVISOR: "Everything of their team; HR and performance reports",
  AGENT: 'Their own leads, calls and applications',
};

export function RoleCheckboxes<T extends FieldValues>({ control, name }: { control: Control<T>; name: Path<T> }) {
  const { field, fieldState } = useController({ control, name });
  const selected: GrantableRole[] = field.value ?? [];
  const toggle = (role: GrantableRole, checked: boolean) =>
    field.onChange(checked ? GRANTABLE_ROLES.filter((r) => r === role || selected.includes(r)) : selected.filter((r) => r !== role));
  return (
    <FormControl error={fieldState.invalid} component="fieldset" variant="standard">
      <FormLabel component="legend" sx={{ mb: 0.5, fontWeight: 600 }}>
        Roles
      </FormLabel>
      <FormGroup>
        {GRANTABLE_ROLES.map((role, index) => (
          <FormControlLabel
            key={role}
            control={
              <Checkbox
                checked={selected.includes(role)}
                onChange={(e) => toggle(role, e.target.checked)}
                name={`role-${role}`}
                slotProps={{ input: { ref: index === 0 ? field.ref : undefined } }}
              />
            }
            label={
              <span>
                {roleLabel(role)}{' '}
                <Typography component="span" variant="body2" color="text.secondary">
                  — {DESCRIPTIONS[role]}
                </Typography>
              </span>
            }
          />
        ))}
      </FormGroup>
      {fieldState.error && <FormHelperText>{fieldState.error.message}</FormHelperText>}
    </FormControl>
  );
}

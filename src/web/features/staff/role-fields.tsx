import { roleLabels, staffRoles } from '../../../access/roles.js';
import type { TeamList } from '../../../contracts/admin.js';
import { SelectField } from '../../components/form.js';

interface FieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** "Role": every Lantern role, by its name in words. */
export function RoleSelect({ value, onChange, error }: FieldProps) {
  return (
    <SelectField
      id="role"
      label="Role"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    >
      <option value="">Choose a role</option>
      {staffRoles.map((role) => (
        <option value={role} key={role}>
          {roleLabels[role]}
        </option>
      ))}
    </SelectField>
  );
}

/** "Team (optional)", saying which roles reach records only through a team. */
export function TeamSelect({ value, onChange, error, teams }: FieldProps & { teams: TeamList['teams'] }) {
  return (
    <SelectField
      id="teamId"
      label="Team (optional)"
      hint="Team managers, clinical leads, supervisors, senior practitioners and CAMHS clinicians reach records only through their team, so give them one."
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    >
      <option value="">No team</option>
      {teams.map((team) => (
        <option value={team.id} key={team.id}>
          {team.name} ({team.service})
        </option>
      ))}
    </SelectField>
  );
}

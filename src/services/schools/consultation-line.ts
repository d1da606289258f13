import type { StaffActor } from '../../access/authorise.js';
import { roleDefinitions } from '../../access/roles.js';
import { AppError } from '../../domain/app-error.js';

// Which teams' consultation line a person answers: the teams of their grants whose role may use it.

export function consultationLineTeams(actor: StaffActor): string[] {
  const teams = actor.grants
    .filter(
      (grant) => grant.teamId && roleDefinitions[grant.role].permissions.includes('consultation-line:use'),
    )
    .map((grant) => grant.teamId as string);
  return [...new Set(teams)];
}

/**
 * The team a call is logged for. Someone in one team need not say; someone in several chooses one
 * of theirs; someone in none cannot log a call, as every call belongs to a team.
 */
export function teamForCall(actor: StaffActor, chosen: string | undefined): string {
  const teams = consultationLineTeams(actor);
  if (teams.length === 0) {
    throw new AppError('unprocessable-content', 'You are not in a team that answers the consultation line.', [
      { name: 'teamId', reason: 'you are not in a team that answers the consultation line' },
    ]);
  }
  if (chosen !== undefined) {
    if (!teams.includes(chosen)) {
      throw new AppError('unprocessable-content', 'Choose one of your own teams.', [
        { name: 'teamId', reason: 'must be one of your teams' },
      ]);
    }
    return chosen;
  }
  if (teams.length > 1) {
    throw new AppError(
      'unprocessable-content',
      'You are in more than one team: choose which took the call.',
      [{ name: 'teamId', reason: 'choose which of your teams took the call' }],
    );
  }
  return teams[0] as string;
}

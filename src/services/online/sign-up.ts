import { authorise, type ServiceContext } from '../../access/authorise.js';
import { systemScope } from '../../access/scope.js';
import type { SignedIn, SignUpInput } from '../../contracts/online-accounts.js';
import type { LanternDb } from '../../db/client.js';
import * as accounts from '../../db/repositories/online-accounts.repository.js';
import * as services from '../../db/repositories/online-services.repository.js';
import { findSchool } from '../../db/repositories/organisations.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { ageOutOfRangeMessage, isAgeInRange, usernameKey } from '../../domain/online/sign-up.js';
import { recordChange } from '../audit/record-change.js';
import { hashPassword } from '../identity/credentials.js';
import { openYoungPersonSession } from './young-person-session.js';

// Nobody is signed in while signing up, so the account is written under a system scope; the audit
// row records the new account by id only (a username is personal data).
const why = 'a young person signs up to online support';

const taken = () =>
  new AppError('conflict', 'Someone already has that username. Try another one.', [
    { name: 'username', reason: 'is already taken. Try another one' },
  ]);

function isDuplicate(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Makes an anonymous account and signs the young person in. */
export async function signUpYoungPerson(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: SignUpInput,
): Promise<SignedIn & { token: string }> {
  await authorise(ctx, 'online:sign-up');
  const now = ctx.now();
  const key = usernameKey(input.username);
  // Cheap checks first, so a refused sign-up never waits for a password hash.
  const service = await withScope(deps.db, systemScope(why), async (tx) => {
    const found = await services.findSignUpService(tx);
    if (!found) throw new AppError('unavailable', 'Online support is not set up here yet.');
    if (!isAgeInRange(input.age, found)) {
      throw new AppError('unprocessable-content', ageOutOfRangeMessage(input.age, found), [
        {
          name: 'age',
          reason: `is outside the ages this service is for (${found.minAge} to ${found.maxAge})`,
        },
      ]);
    }
    if (input.schoolUrn !== null && !(await findSchool(tx, input.schoolUrn))) {
      throw new AppError('unprocessable-content', 'Choose your school from the list, or leave it out.', [
        { name: 'schoolUrn', reason: 'must be a school in this area' },
      ]);
    }
    if (await accounts.isUsernameTaken(tx, key)) throw taken();
    return found;
  });
  const passwordHash = await hashPassword(input.password);
  try {
    return await withScope(deps.db, systemScope(why), async (tx) => {
      const { id } = await accounts.insertAccount(tx, {
        serviceId: service.id,
        organisationId: service.organisationId,
        username: input.username,
        usernameKey: key,
        passwordHash,
        ageAtSignUp: input.age,
        gender: input.gender,
        genderDescription: input.gender === 'self-described' ? input.genderDescription : null,
        schoolUrn: input.schoolUrn,
        area: input.schoolUrn === null ? input.area : null,
        heardFrom: input.heardFrom,
        recoveryEmail: input.recoveryEmail,
        recoveryPhone: input.recoveryPhone,
        signedUpAt: now,
      });
      await recordChange(tx, ctx, {
        entity: 'online-account',
        entityId: id,
        action: 'signed-up',
        after: { serviceId: service.id, ageAtSignUp: input.age, heardFrom: input.heardFrom },
      });
      const session = await openYoungPersonSession(tx, id, now);
      return { username: input.username, csrfToken: session.csrfToken, token: session.token };
    });
  } catch (error) {
    // Two people choosing the same name at the same moment: the unique index decides.
    if (isDuplicate(error)) throw taken();
    throw error;
  }
}

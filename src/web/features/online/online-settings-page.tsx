import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { OnlineSettings } from '../../../contracts/online-accounts.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { getJson } from '../../api.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useChangeNotice } from '../../components/notice.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { SettingsForm } from './account-settings-form.js';

const key = ['online', 'settings'] as const;

/** The duty senior sets the online service's opening hours, ages, chat limit and alert timing. */
export function OnlineSettingsPage() {
  const { allowed, gate } = useStaffAccess('online:configure', 'change the online service’s settings');
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => getJson<OnlineSettings>('/api/online/settings', signal),
    enabled: allowed,
  });
  const notice = useChangeNotice(
    () => client.invalidateQueries({ queryKey: ['online'] }),
    'Someone else changed these settings while you were editing. The latest are shown: make your change again.',
  );
  if (gate) return gate;
  return (
    <>
      <PageTitle title="Online support settings" />
      <BackLink to={webPaths.counsellorQueue}>Online support</BackLink>
      {notice.element}
      <h1>Online support settings</h1>
      {settings.isPending ? (
        <p aria-live="polite">Loading…</p>
      ) : settings.isError ? (
        <LoadError error={settings.error} />
      ) : (
        <>
          <p>
            {settings.data.serviceName} is open: {settings.data.hours.join('; ') || 'never (no hours set)'}.
          </p>
          <SettingsForm
            key={settings.data.version}
            settings={settings.data}
            onSaved={notice.saved}
            onStale={notice.stale}
          />
        </>
      )}
    </>
  );
}

import type { CrisisContact } from '../../../contracts/online-accounts.js';
import { useOnlineStatus } from './young-person-session.js';

/** Shown when the status has not loaded: the same national services, never nothing. */
const fallbackContacts: CrisisContact[] = [
  { name: 'In an emergency', how: 'Call 999 or go to A&E if your life is in danger', href: 'tel:999' },
  { name: 'NHS 111', how: 'Call 111 and choose the mental health option, any time', href: 'tel:111' },
  { name: 'Childline', how: 'Call 0800 1111, free, any time, if you are under 19', href: 'tel:08001111' },
  { name: 'Shout', how: 'Text SHOUT to 85258, free, any time', href: 'sms:85258' },
];

/** "If you need help now" on every young person's page: who to call or text at any hour. */
export function YoungPersonHelpNow({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const status = useOnlineStatus();
  const contacts = status.data?.crisisContacts ?? fallbackContacts;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="nhsuk-card nhsuk-card--care nhsuk-card--care--emergency">
      <div className="nhsuk-card__heading-container">
        <Heading className="nhsuk-card__heading">
          <span>
            <span className="nhsuk-u-visually-hidden">Urgent: </span>
            If you need help now
          </span>
        </Heading>
        <span className="nhsuk-card--care__arrow" aria-hidden="true" />
      </div>
      <div className="nhsuk-card__content">
        <p>You do not have to wait for us. These are free and open all the time.</p>
        <ul>
          {contacts.map((contact) => (
            <li key={contact.name}>
              <strong>{contact.name}</strong>: <a href={contact.href}>{contact.how}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

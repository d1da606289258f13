import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { PageTitle } from '../../components/layout.js';
import { YoungPersonHelpNow } from './account-help-now.js';
import {
  useForgetYoungPerson,
  useOnlineStatus,
  useYoungPersonQuery,
  youngPersonDelete,
} from './young-person-session.js';

const places = [
  {
    to: webPaths.onlineChat,
    title: 'Chat to a counsellor',
    about: 'Talk now, one to one, when we are open.',
  },
  {
    to: webPaths.onlineMessages,
    title: 'Messages',
    about: 'Send us a message at any time. We reply when we are open.',
  },
  {
    to: webPaths.onlineBookings,
    title: 'Your booked chats',
    about: 'Chats you have booked with a counsellor.',
  },
  {
    to: webPaths.selfHelp,
    title: 'Self-help',
    about: 'Tips and stories about feelings, sleep, friends and more.',
  },
  {
    to: webPaths.journal,
    title: 'Your journal',
    about: 'Write down how things are going. Only you can read it.',
  },
  { to: webPaths.mood, title: 'Your moods', about: 'Keep track of how you feel each day.' },
  { to: webPaths.onlineGoals, title: 'Your goals', about: 'Set goals and see how you are getting on.' },
];

/** The signed-in young person's home: where to go, who can see what, and signing out. */
export function MySpacePage() {
  const me = useYoungPersonQuery();
  const status = useOnlineStatus();
  const forget = useForgetYoungPerson();
  const navigate = useNavigate();
  const [isSigningOut, setIsSigningOut] = useState(false);

  // A remembered "signed out" is checked again before sending anyone to sign in.
  if (me.isPending || (!me.data && me.isFetching)) return <p aria-live="polite">Loading…</p>;
  if (!me.data) return <Navigate to={webPaths.onlineSignIn} replace />;

  async function signOut() {
    setIsSigningOut(true);
    try {
      await youngPersonDelete('/api/online/session');
    } finally {
      forget();
      navigate(webPaths.onlineHome);
    }
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Your space" />
        <h1>Hello, {me.data.username}</h1>
        <p className="nhsuk-lede-text">This is your space on Lantern Online.</p>
        {status.data && (
          <p data-testid="online-open-now">
            <strong>{status.data.sentence}</strong>
          </p>
        )}
        <ul className="nhsuk-list lantern-online-places">
          {places.map((place) => (
            <li key={place.to}>
              <Link className="nhsuk-body-l" to={place.to}>
                {place.title}
              </Link>
              <p className="nhsuk-body-s">{place.about}</p>
            </li>
          ))}
        </ul>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <h2 className="nhsuk-heading-s">Who can see what</h2>
          <p>Only you can read your journal. Your counsellor can see your moods and goals.</p>
          <p>
            Counsellors read your chats and messages. If we think you or someone else is in danger, we may
            need to share that to keep you safe. We would try to talk to you about it first.
          </p>
        </div>
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={signOut}
          disabled={isSigningOut}
        >
          Sign out
        </button>
        <YoungPersonHelpNow />
      </div>
    </div>
  );
}

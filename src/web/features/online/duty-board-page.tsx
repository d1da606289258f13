import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { BoardAlert, DutyBoard } from '../../../contracts/online-risk.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { sendJson } from '../../api.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useNotice } from '../../components/notice.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { isStale } from '../triage/triage-view.js';
import { useChatSocket } from './chat-live.js';
import { CloseEscalationForm } from './risk-close-form.js';
import { EscalationSummary } from './risk-escalate-form.js';
import { formatLondonTime, riskPaths, riskProblems, useDutyBoard } from './risk-view.js';

const chatPath = (chatId: string) => webPaths.counsellorChat.replace(':chatId', encodeURIComponent(chatId));

/**
 * The duty senior's board: alerts to acknowledge (oldest first, with the time left), risk phrases in
 * chats going on, and escalations not yet closed. It refreshes when the socket says the board
 * changed, and every 15 seconds when the socket is not connected.
 */
export function DutyBoardPage() {
  const { allowed, gate, userId } = useStaffAccess('online:duty', 'see the duty board');
  const socket = useChatSocket(allowed, userId && `staff:${userId}`);
  const board = useDutyBoard(allowed, socket.isConnected);
  const notice = useNotice();
  const { connection } = socket;
  const { refetch } = board;
  useEffect(() => {
    if (!connection) return;
    connection.watch('duty-board');
    const offChange = connection.on('duty-board-changed', () => void refetch());
    const offStatus = connection.on('status', (next) => {
      if (next === 'open') void refetch();
    });
    return () => {
      offChange();
      offStatus();
    };
  }, [connection, refetch]);
  if (gate) return gate;
  const said = (kind: 'saved' | 'stale' | 'info', body: string) => {
    void refetch();
    notice.announce({ kind, body });
  };

  return (
    <>
      <PageTitle title="Duty board" />
      <BackLink to={webPaths.counsellorQueue}>Online support queue</BackLink>
      {notice.element}
      <h1>Duty board</h1>
      <p className="nhsuk-body-s" aria-live="polite">
        {socket.isConnected
          ? 'Live: this board updates by itself.'
          : 'This board refreshes every 15 seconds.'}
      </p>
      {board.isPending ? (
        <p aria-live="polite">Loading…</p>
      ) : board.isError ? (
        <LoadError error={board.error} />
      ) : (
        <BoardSections board={board.data} said={said} />
      )}
    </>
  );
}

function BoardSections({
  board,
  said,
}: {
  board: DutyBoard;
  said: (kind: 'saved' | 'stale' | 'info', body: string) => void;
}) {
  const waiting = board.alerts.filter((a) => !a.acknowledgedAt);
  const handled = board.alerts.filter((a) => a.acknowledgedAt);
  return (
    <>
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Alerts to acknowledge ({waiting.length})</h2>
        {waiting.length === 0 ? (
          <p>There are no alerts waiting.</p>
        ) : (
          waiting.map((alert) => <AlertCard key={alert.id} alert={alert} said={said} />)
        )}
      </section>
      <section aria-labelledby="matches-heading">
        <h2 id="matches-heading">Risk phrases in chats going on</h2>
        {board.riskMatches.length === 0 ? (
          <p>No chat going on has a risk phrase.</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--bullet">
            {board.riskMatches.map((m) => (
              <li key={`${m.chatId}-${m.seq}`}>
                {m.username}: “{m.phrases.join('”, “')}” at {formatLondonTime(m.sentAt)}
                {m.counsellorName ? `, with ${m.counsellorName}` : ', no counsellor yet'}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="escalations-heading">
        <h2 id="escalations-heading">Open escalations ({board.escalations.length})</h2>
        {board.escalations.length === 0 ? (
          <p>There are no open escalations.</p>
        ) : (
          board.escalations.map((e) => (
            <article className="nhsuk-card" key={e.id} aria-labelledby={`escalation-${e.id}`}>
              <div className="nhsuk-card__content">
                <h3 className="nhsuk-card__heading nhsuk-heading-s" id={`escalation-${e.id}`}>
                  Escalation {e.reference} for {e.username}
                </h3>
                <EscalationSummary escalation={e} />
                <CloseEscalationForm escalation={e} said={said} />
              </div>
            </article>
          ))
        )}
      </section>
      {handled.length > 0 && (
        <section aria-labelledby="handled-heading">
          <h2 id="handled-heading">Acknowledged in the last 12 hours</h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {handled.map((a) => (
              <li key={a.id}>
                {a.kind === 'escalation' ? 'Escalation' : 'Risk phrase'} for {a.username}, acknowledged by{' '}
                {a.acknowledgedByName} at {formatLondonTime(a.acknowledgedAt ?? a.raisedAt)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function AlertCard({
  alert,
  said,
}: {
  alert: BoardAlert;
  said: (kind: 'saved' | 'stale' | 'info', body: string) => void;
}) {
  const navigate = useNavigate();
  const [isSending, setSending] = useState(false);
  const [problem, setProblem] = useState('');
  const what = alert.kind === 'escalation' ? 'Escalation' : 'Risk phrase';
  const headingId = `alert-${alert.id}`;

  async function act(work: () => Promise<void>) {
    if (isSending) return;
    setSending(true);
    setProblem('');
    try {
      await work();
    } catch (error) {
      if (isStale(error))
        said('stale', 'Someone else acknowledged that alert first. The board is up to date now.');
      else setProblem(riskProblems(error, 'alert', '')[0]?.message ?? 'Something went wrong.');
    } finally {
      setSending(false);
    }
  }
  const acknowledge = () =>
    act(async () => {
      await sendJson('POST', riskPaths.acknowledge(alert.id), undefined, {
        'if-match': `"${alert.version}"`,
      });
      said('saved', `${what} alert for ${alert.username} acknowledged.`);
    });
  const join = (chatId: string) =>
    act(async () => {
      await sendJson('POST', riskPaths.join(chatId));
      navigate(chatPath(chatId));
    });

  return (
    <article className="nhsuk-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={headingId}>
          {what}: {alert.username}
        </h3>
        <p>
          {alert.timing.isOverdue ? (
            <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
          ) : (
            <strong className="nhsuk-tag nhsuk-tag--orange">{alert.timing.text}</strong>
          )}{' '}
          Raised at {formatLondonTime(alert.raisedAt)}
          {alert.escalatedFurtherAt && '. Escalated to the manager on call'}.
        </p>
        {alert.phrases.length > 0 && <p>Risk phrase: “{alert.phrases.join('”, “')}”</p>}
        {problem && (
          <p className="nhsuk-error-message" role="alert">
            <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
          </p>
        )}
        <div className="nhsuk-button-group nhsuk-u-margin-bottom-0">
          <button className="nhsuk-button nhsuk-u-margin-bottom-0" type="button" onClick={acknowledge}>
            Acknowledge<span className="nhsuk-u-visually-hidden"> alert for {alert.username}</span>
          </button>
          {alert.chatId && (
            <button
              className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
              type="button"
              onClick={() => alert.chatId && join(alert.chatId)}
            >
              Join chat<span className="nhsuk-u-visually-hidden"> with {alert.username}</span>
            </button>
          )}
        </div>
      </div>
    </article>
  );
}

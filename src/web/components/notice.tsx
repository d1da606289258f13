import { type ReactNode, useEffect, useRef, useState } from 'react';

export interface Notice {
  /** 'saved' draws the green success banner; the others the plain one. */
  kind: 'saved' | 'stale' | 'info';
  /** The banner's heading; without one, 'Done' when saved and 'Important' otherwise. */
  title?: string;
  /** Words for the banner's heading line, or the banner's whole content. */
  body: ReactNode;
}

/**
 * A page's notification banner saying what just happened (saved, or someone else's change). It takes
 * focus once drawn, so a screen reader announces it and a keyboard user carries on from there.
 */
export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  // Bumped on every announcement, so the same words twice still move focus.
  const [shown, setShown] = useState(0);
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown === 0) return;
    banner.current?.focus();
    banner.current?.scrollIntoView?.();
  }, [shown]);
  const element = notice ? (
    <div
      className={`nhsuk-notification-banner${notice.kind === 'saved' ? ' nhsuk-notification-banner--success' : ''}`}
      role="alert"
      aria-labelledby="notice-title"
      tabIndex={-1}
      ref={banner}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="notice-title">
          {notice.title ?? (notice.kind === 'saved' ? 'Done' : 'Important')}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        {typeof notice.body === 'string' ? (
          <p className="nhsuk-notification-banner__heading">{notice.body}</p>
        ) : (
          notice.body
        )}
      </div>
    </div>
  ) : null;
  return {
    element,
    announce(next: Notice) {
      setNotice(next);
      setShown((n) => n + 1);
    },
    clear: () => setNotice(null),
  };
}

/**
 * The notice of a page whose forms change things: after a change it refreshes what the page shows,
 * then says the change was saved (in the form's words) or, if someone else's change came first,
 * `staleBody`.
 */
export function useChangeNotice(refresh: () => unknown, staleBody: string) {
  const notice = useNotice();
  return {
    element: notice.element,
    saved(text: string) {
      void refresh();
      notice.announce({ kind: 'saved', body: text });
    },
    stale() {
      void refresh();
      notice.announce({ kind: 'stale', body: staleBody });
    },
  };
}

import { type ReactNode, useEffect, useRef, useState } from 'react';

// A secret link the API gives once and keeps only a hash of (a staff survey, a questionnaire): it is
// shown once, in a panel that takes focus, with a button to copy it.

/**
 * Focuses the panel showing the link when it appears, and copies the link. If the browser will not
 * copy, the link's box (`inputId`) takes focus, which selects it, and the message says how to copy it.
 */
export function useCopyLink(link: string, inputId: string, copiedMessage: string) {
  const [copied, setCopied] = useState<string | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(copiedMessage);
    } catch {
      document.getElementById(inputId)?.focus();
      setCopied(
        'Your browser did not let us copy it. The link is selected: copy it with your keyboard or menu.',
      );
    }
  }

  return { panelRef, copied, copy };
}

/** The warning that the link will not be shown again, with what to do about it. */
export function NotShownAgainWarning({ children }: { children: ReactNode }) {
  return (
    <div className="nhsuk-warning-callout">
      <h3 className="nhsuk-warning-callout__label">
        <span className="nhsuk-u-visually-hidden">Important: </span>
        This link will not be shown again
      </h3>
      {children}
    </div>
  );
}

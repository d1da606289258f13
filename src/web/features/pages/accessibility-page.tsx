import { PageTitle } from '../../components/layout.js';

export function AccessibilityPage() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Accessibility statement" />
        <h1>Accessibility statement</h1>
        <p>
          Lantern is built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. It uses
          the NHS.UK design system, works with a keyboard alone, with screen readers, and on small screens.
        </p>
        <p>
          Every page in our automated browser tests is checked with axe. If something does not work for you,
          tell the service that runs Lantern in your area.
        </p>
      </div>
    </div>
  );
}

import './schools.css';

// Pieces the schools pages share.

/** A school's page header: what the page is, under the school's name. */
export function SchoolHeading({ schoolName, title }: { schoolName: string; title: string }) {
  return (
    <h1>
      <span className="nhsuk-caption-l">{schoolName}</span>
      {title}
    </h1>
  );
}

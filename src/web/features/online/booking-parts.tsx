// Shared by the young person's bookings and messages pages: how a problem is told to a young person.

/** A problem said plainly to a young person. */
export function ProblemBox({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
      <div className="nhsuk-error-summary__body">
        <p>{text}</p>
      </div>
    </div>
  );
}

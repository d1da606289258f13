import { Link } from 'react-router';

export interface PermittedLink {
  permission: string;
  to: string;
  text: string;
}

/** A heading and the links the person has permission to follow; nothing if they have none. */
export function PermittedLinks(props: {
  heading: string;
  links: readonly PermittedLink[];
  permissions: readonly string[];
}) {
  const shown = props.links.filter((link) => props.permissions.includes(link.permission));
  if (shown.length === 0) return null;
  return (
    <>
      <h2>{props.heading}</h2>
      <ul>
        {shown.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.text}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

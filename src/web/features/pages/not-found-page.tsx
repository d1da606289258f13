import { Link } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { PageTitle } from '../../components/layout.js';

export function NotFoundPage() {
  return (
    <>
      <PageTitle title="Page not found" />
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>
        You can <Link to={webPaths.findSupport}>find support</Link> or{' '}
        <Link to={webPaths.helpNow}>get help now</Link>.
      </p>
    </>
  );
}

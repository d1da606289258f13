import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Report } from '../../../contracts/reporting.js';
import { getJson } from '../../api.js';
import { withQuery } from './report-view.js';

/** The KPIs for a query (the API's own words), keeping the last answer on screen while the next loads. */
export function useReport(query: URLSearchParams, enabled: boolean) {
  const text = query.toString();
  return useQuery({
    queryKey: ['reports', 'kpis', text],
    queryFn: ({ signal }) => getJson<Report>(withQuery('/api/reports/kpis', query), signal),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

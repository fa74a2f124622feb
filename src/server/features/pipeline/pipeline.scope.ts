/** The data scope over development projects, as the opportunities room defines it (owner / unit of the project). */
export { opportunityScope } from '../opportunities/opportunities.service';
export type { OpportunityScope } from '../opportunities/opportunities.repo';

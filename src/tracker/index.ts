export {
  getMilestone,
  getRecommendation,
  listCommitments,
  listMilestones,
  listRecommendations,
} from './queries.ts';
export { Commitment, Milestone, MilestoneKind, Provenance, Recommendation } from './schema.ts';
export * from './views.ts';

export * from './assessment.ts';
export * from './assessment-queries.ts';
export {
  getMilestone,
  getRecommendation,
  listCommitments,
  listMilestones,
  listRecommendations,
} from './queries.ts';
export * from './rules.ts';
export * from './scales.ts';
export { Commitment, Milestone, MilestoneKind, Provenance, Recommendation } from './schema.ts';
export * from './score-table.ts';
export * from './scores.ts';
export * from './status.ts';
export * from './views.ts';
export { assessmentSeenBy, assessmentsSeenBy } from './visibility.ts';
export * from './workflow.ts';

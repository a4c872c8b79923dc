export {
  Assessment,
  Day,
  Evidence,
  Flag,
  Implementation,
  ItemLink,
  Judgement,
  linkId,
  Match,
  PastDay,
  Searched,
  Specificity,
} from './assessment.ts';
export {
  getAssessment,
  getTrackedItem,
  listAssessments,
  listLinks,
  listPublished,
  listTrackedItems,
  scoredAssessments,
  scoredItems,
  scoredLinks,
  statusesOn,
} from './assessment-queries.ts';
export {
  getMilestone,
  getRecommendation,
  listCommitments,
  listMilestones,
  listRecommendations,
} from './queries.ts';
export { type JudgedItem, judgementProblems, publicationProblems } from './rules.ts';
export {
  COMPLIANCE_LEVELS,
  compliancePercent,
  FLAGS,
  IMPLEMENTATION_LEVELS,
  levelLabel,
  MATCHES,
  REVIEW_STATES,
  SPECIFICITY_LEVELS,
} from './scales.ts';
export { Commitment, Milestone, MilestoneKind, Provenance, Recommendation } from './schema.ts';
export { type ScoreLine, scoreTable } from './score-table.ts';
export {
  BOOTSTRAP_RESAMPLES,
  bootstrapInterval,
  complianceScore,
  currentAssessments,
  FINE_ITEMS,
  heatMap,
  implementationScore,
  MIN_ITEMS,
  quarterEnds,
  roundFor,
  type Score,
  type ScoredAssessment,
  type ScoredItem,
  scoresBy,
  uptakeScore,
} from './scores.ts';
export { itemStatuses, STATUS_RULES, STATUSES, type Status, statusOf, withStatus } from './status.ts';
export {
  type AssessmentRow,
  AssessmentView,
  type CommitmentRow,
  CommitmentView,
  type LinkRow,
  LinkView,
  type MilestoneRow,
  MilestoneView,
  type RecommendationFilter,
  RecommendationQuery,
  type RecommendationRow,
  RecommendationView,
  type TrackedItemRow,
  TrackedItemView,
} from './views.ts';
export { assessmentSeenBy, assessmentsSeenBy } from './visibility.ts';
export {
  correctAssessment,
  draftAssessment,
  linkItems,
  publishAssessment,
  returnToDraft,
  StaleVersionError,
  submitForReview,
  unlinkItems,
  updateDraft,
} from './workflow.ts';

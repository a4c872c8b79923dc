export { HomePage } from './home.tsx';
export { homeData } from './home-data.ts';
export { MilestonePage, MilestonesPage } from './milestones.tsx';
export { PaperPage } from './paper.tsx';
export { PapersPage } from './papers.tsx';
export { PartiesPage, PartyPage } from './parties.tsx';
export { RecommendationPage } from './recommendation.tsx';
export { RecommendationsPage } from './recommendations.tsx';

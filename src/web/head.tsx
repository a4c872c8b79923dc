/** The tracker's own stylesheet, linked from each of its pages and the account pages. */
export const TRACKER_HEAD = <link rel="stylesheet" href="/assets/tracker.css" />;

/**
 * A timestamptz column read as an ISO 8601 string in UTC. Done in SQL so that both drivers return
 * the same text whatever the server's time zone and output format.
 */
export const iso = (column: string, as = column.replace(/^\w+\./, '')) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${as}`;

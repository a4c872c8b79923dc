export { type Chart, type ChartCell, type ChartColumn, chartCsv, chartHref, standaloneSvg } from './chart.ts';
export { allowFraming, framingHeaders } from './embed.ts';
export { ChartFigure, ChartPage } from './figure.tsx';
export { type ChartAnswers, keptChart } from './kept.ts';
export { renderPlot, type ServerPlotOptions } from './plot.ts';
export { chartFonts, FONT_FILES, fontsFor, type PngOptions, renderPng } from './png.ts';
export { chartRoutes } from './routes.tsx';
export { escapeXml, fitText, labelRows, textWidth, wrapText } from './text.ts';

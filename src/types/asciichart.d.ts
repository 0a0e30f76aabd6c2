declare module 'asciichart' {
  export interface PlotConfig {
    min?: number;
    max?: number;
    height?: number;
    offset?: number;
    padding?: string;
    format?: (value: number, index: number) => string;
    colors?: string[];
  }
  export function plot(series: number[] | number[][], config?: PlotConfig): string;
  const asciichart: { plot: typeof plot; green: string; default: string };
  export default asciichart;
}

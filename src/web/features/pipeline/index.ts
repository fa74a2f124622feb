// what other rooms may use of this room (its manifest, for the shell, is manifest.ts)
export { EChart } from './components/EChart';
export { toWan, type ChartOption } from './charts';

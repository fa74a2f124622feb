// what other rooms may use of this room (its manifest, for the shell, is manifest.ts)
export { planKeys } from './api';

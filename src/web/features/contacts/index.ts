// what other rooms may use of this room (its manifest, for the shell, is manifest.ts)
export { contactKeys, useAccountContacts } from './api';
export { CoverageBadge, coverageColor } from './components/CoverageBadge';

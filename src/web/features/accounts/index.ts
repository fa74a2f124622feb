// what other rooms may use of this room (its manifest, for the shell, is manifest.ts)
export { AccountLink } from './components/AccountLink';
export { AccountSelect } from './components/AccountSelect';
export { GradeTag } from './components/AccountTags';
export { accountKeys } from './api';
export { accountChangeValue } from './changeValues';

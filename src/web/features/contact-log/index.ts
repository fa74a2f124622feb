// what other rooms may use of this room (its manifest, for the shell, is manifest.ts)
/** an account's or a contact's log (the contact's drawer shows it) */
export { ContactLogPanel } from './components/ContactLogPanel';

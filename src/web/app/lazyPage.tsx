import { lazy, type ComponentType, type ReactElement } from 'react';

/**
 * A page loaded when first opened: each page (and the libraries only it uses — the relationship
 * map's drawing library, the import page's upload) becomes its own file, so signing in does not
 * download every screen of the system. `name` is the page's named export.
 */
export function lazyPage<K extends string>(load: () => Promise<{ [P in K]: ComponentType }>, name: K): ReactElement {
  const Page = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
  return <Page />;
}

/** A component (a named export) loaded when first rendered: a tab a room adds to another room's page. Render it inside Suspense. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyNamed<K extends string, C extends ComponentType<any>>(load: () => Promise<{ [P in K]: C }>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

import { lazy, type ComponentType } from 'react';

/**
 * A named export loaded when first drawn. Resource views go through this so the first screen
 * (the dashboard) does not carry every list, form and show page of the app.
 */
export function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  type Props = M[K] extends ComponentType<infer P> ? P : never;
  return lazy(() => load().then((module) => ({ default: module[name] as ComponentType<Props> })));
}

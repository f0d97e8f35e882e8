// The popup's five views.
export { NowView } from './now';
export { LearnedView } from './learned';
export { DataView } from './data';
export { ModelView } from './model';
export { PlayView } from './play';

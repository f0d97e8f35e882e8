// The Play view and its parts.
export { PlayView } from './play-view';
export { PlayControls, formatRate } from './play-controls';

// The pane's root for callers outside addin/ (tests): a .ts entry, so a project without `jsx` can import it.
export { App } from './App.js';

// The 計画・取りまとめ components for the pane and its tests (a .ts entry: test/ compiles without JSX).
export { Workspace } from './Workspace.js';
export { OversightView } from './OversightView.js';
export { OversightContext } from './oversight-context.js';

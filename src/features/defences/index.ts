export { DefencesPanel } from './DefencesPanel.tsx';
// The defence-style controls, for other panels' settings of the same kind (Servers: overload).
export { DefenceField } from './DefenceField.tsx';
export { DefenceGroup } from './DefenceGroup.tsx';
export { DefenceModes, type DefenceMode } from './DefenceModes.tsx';
export { DefenceToggleField } from './DefenceToggleField.tsx';

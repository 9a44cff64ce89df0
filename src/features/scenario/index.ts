export { ScenarioMenu } from './ScenarioMenu.tsx';
export { PresetPicker } from './PresetPicker.tsx';
export { SeedControl } from './SeedControl.tsx';
export { ScenarioDropZone } from './ScenarioDropZone.tsx';

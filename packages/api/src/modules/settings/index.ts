export { createSettingsService, defineSetting, type SettingDefinition, type SettingsService } from './settings.service.js';

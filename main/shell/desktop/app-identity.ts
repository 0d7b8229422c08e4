/**
 * The app's identity where the OS sees it. Windows shows notifications only for the AppUserModelID its
 * Start-menu shortcut carries, which the NSIS installer sets to electron-builder's `appId` — so the two
 * must match (tests/main/shell/packaging-config.test.ts checks it).
 */
export const APP_ID = 'com.calmline.app';

import packageJson from '../../package.json' with { type: 'json' };

/** The version in package.json (what Electron's app.getVersion() reports for an unpackaged app). */
export const APP_VERSION: string = packageJson.version;

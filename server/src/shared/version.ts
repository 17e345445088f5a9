/** The package version, written into the bundles at build time (scripts/build.mjs). */
declare const SUMMIT_LENS_VERSION: string | undefined;

export const VERSION: string = typeof SUMMIT_LENS_VERSION === 'string' ? SUMMIT_LENS_VERSION : '0.0.0-dev';
